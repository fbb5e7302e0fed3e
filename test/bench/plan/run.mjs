#!/usr/bin/env node
// Plan benchmark: how long `tide plan --json` takes, and how much memory it
// peaks at, on generated fleets of 1,000 / 10,000 / 50,000 sites, in two
// scenarios per size:
//   empty state  no state branch yet: every site is an install (a first plan);
//   applied      a tide-state branch records the whole fleet as applied, so
//                the plan has no changes (what a daemon runs on every poll;
//                exercises the state-branch reader).
//
//   npm run bench:plan                       # builds dist/, then all sizes
//   node test/bench/plan/run.mjs 1000 10000  # chosen sizes (dist/ must be built)
//
// Environment: TIDE_BENCH_RUNS (runs per size, default 3), TIDE_BENCH_KEEP=1
// (keep the generated repos and plans), TIDE_BENCH_CLI (another CLI entry
// file instead of dist/cli/bin.js), TIDE_BENCH_STATE_REPACK=0 (leave the
// state objects in fast-import's pack, with its 50-deep delta chains, instead
// of repacking them as git gc would; see state.mjs).
//
// Exits non-zero only when something crashes (tide exits non-zero, prints no
// valid plan, the plan has the wrong number of operations for its scenario,
// generation fails); a missed target is printed as MISSED.

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateFleet } from './generate.mjs';
import { writeAppliedState } from './state.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = resolve(ROOT, process.env.TIDE_BENCH_CLI ?? 'dist/cli/bin.js');
const PRELOAD = pathToFileURL(fileURLToPath(new URL('./rss-preload.mjs', import.meta.url))).href;
const FLOOR = fileURLToPath(new URL('./floor.mjs', import.meta.url));
const RUNS = Number(process.env.TIDE_BENCH_RUNS ?? 5);
const KEEP = process.env.TIDE_BENCH_KEEP === '1';
const REPACK_STATE = process.env.TIDE_BENCH_STATE_REPACK !== '0';
const DEFAULT_SIZES = [1000, 10000, 50000];

// Every target applies to each scenario separately.
// coldRatio / warmRatio: tide's time over a bare `node -e 0` in the same round (issue 14), checked
// twice: wall time (spawn to exit, what a user waits) and CPU time (user + system, git included,
// what the machine pays; it moves less with the load of other processes).
const TARGET = { at: 10000, wallS: 1.5, rssMB: 300, scaleFrom: 10000, scaleTo: 50000, scaleMax: 6, coldRatio: 7, warmRatio: 3 };

/**
 * The scenarios, in the order they run on each size's fleet. `prepare(repo)`
 * (if any) changes the repository before the scenario's runs and resolves
 * with how many state files it recorded; `check(operations, sites, plan)`
 * returns why a plan is wrong for the scenario, or null when it is right.
 */
const SCENARIOS = [
  {
    name: 'empty state',
    slug: 'empty',
    floorArgs: [],
    check: (ops, sites) =>
      ops >= sites ? null : `expected at least ${sites} operations for a fleet with no state branch (every site an install), got ${ops}`,
  },
  {
    name: 'applied',
    slug: 'applied',
    floorArgs: ['--state', 'tide-state'],
    async prepare(repo) {
      const st = await writeAppliedState(repo, { repack: REPACK_STATE });
      log(
        `  recorded as applied on ${st.branch}: ${fmtInt(st.files)} state files ` +
          `(${s(st.buildMs)} s load + plan, ${s(st.gitMs)} s git fast-import, ` +
          `${REPACK_STATE ? `${s(st.repackMs)} s git repack` : 'not repacked'})`,
      );
      return st.files;
    },
    check: (ops, _sites, plan) =>
      ops === 0 ? null : `expected no operations with the whole fleet recorded as applied, got ${ops} (${describeOps(plan)})`,
  },
];

function describeOps(plan) {
  const byAction = Object.entries(plan.summary?.byAction ?? {}).map(([a, n]) => `${n} ${a}`).join(', ');
  const first = plan.operations.slice(0, 5).map((o) => `${o.id}: ${o.reason}`);
  return `${byAction || 'no summary'}; first: ${first.join(' | ')}`;
}

const tempDirs = [];

/** A failure the benchmark explains itself (no stack trace needed). */
class BenchError extends Error {}

function parseSizes(args) {
  if (args.length === 0) return DEFAULT_SIZES;
  return args.map((a) => {
    const n = Number(a.replaceAll('_', '').replaceAll(',', ''));
    if (!Number.isInteger(n) || n < 1) throw new BenchError(`not a site count: ${a}`);
    return n;
  });
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * CPU time (user + system, ms) of this process's children that have ended
 * and been waited for, their own children included (Linux: cutime + cstime
 * of /proc/self/stat, in clock ticks of 10 ms); NaN where there is no /proc.
 */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 (state) on: cutime is field 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * Spawns a process and resolves with its wall time in ms (from just before
 * spawn to its exit, so node start-up is included), its CPU time in ms (user
 * + system, its own children such as git included), exit code and stderr.
 * stdout goes to `stdoutFile` (or is ignored). One process at a time: the
 * CPU time is the difference of this process's children's total.
 */
function timed(cmd, args, { cwd, env, stdoutFile } = {}) {
  return new Promise((resolvePromise, reject) => {
    const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
    let stderr = '';
    let wallMs = 0;
    let code = null;
    let signal = null;
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, 'pipe'] });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      if (stderr.length < 64 * 1024) stderr += d;
    });
    child.on('exit', (c, s) => {
      wallMs = performance.now() - t0;
      code = c;
      signal = s;
    });
    child.on('error', (err) => {
      if (typeof out === 'number') closeSync(out);
      reject(err);
    });
    child.on('close', () => {
      if (typeof out === 'number') closeSync(out);
      resolvePromise({ wallMs, cpuMs: childrenCpuMs() - cpu0, code, signal, stderr });
    });
  });
}

/** Where a crash's evidence is: temp dirs are deleted on exit unless TIDE_BENCH_KEEP=1. */
const kept = (file) => (KEEP ? `output kept in ${file}` : 'rerun with TIDE_BENCH_KEEP=1 to keep the output');

/** The document cache tide keeps in the fleet's git directory (src/fleet/document-cache.ts). */
const cacheDir = (repo) => join(repo, '.git', 'tide-cache');

async function runTide(repo, sites, scenario, workDir, run, mode) {
  const stdoutFile = join(workDir, `plan-${scenario.slug}-${mode}-${run}.json`);
  const rssFile = join(workDir, `rss-${scenario.slug}-${mode}-${run}.txt`);
  // cold: no cache, as on a first plan or a fresh clone; warm: the cache the cold run just wrote.
  if (mode === 'cold') rmSync(cacheDir(repo), { recursive: true, force: true });
  const args = ['--import', PRELOAD, CLI, 'plan', '--repo', repo, '--json'];
  const r = await timed(process.execPath, args, {
    cwd: repo,
    env: { ...process.env, TIDE_BENCH_RSS_FILE: rssFile },
    stdoutFile,
  });
  const what = `tide plan (${sites} sites, ${scenario.name}, ${mode}, run ${run + 1})`;
  if (r.code !== 0) {
    throw new BenchError(`${what} exited with ${r.signal ?? r.code}\n${r.stderr.trim().slice(-4000)}`);
  }
  let plan;
  try {
    plan = JSON.parse(readFileSync(stdoutFile, 'utf8'));
  } catch (err) {
    throw new BenchError(`${what}: stdout is not JSON (${err.message}); ${kept(stdoutFile)}`);
  }
  if (!Array.isArray(plan?.operations)) throw new BenchError(`${what}: the JSON plan has no operations array; ${kept(stdoutFile)}`);
  const ops = plan.operations.length;
  const wrong = scenario.check(ops, sites, plan);
  if (wrong) throw new BenchError(`${what}: ${wrong}; ${kept(stdoutFile)}`);
  let rssKB = NaN;
  try {
    rssKB = Number(readFileSync(rssFile, 'utf8').trim());
  } catch {
    // Preload did not run (or the process was killed): RSS is reported as n/a.
  }
  if (mode === 'warm' && !existsSync(cacheDir(repo))) throw new BenchError(`${what}: the cold run left no cache in ${cacheDir(repo)}`);
  return { wallMs: r.wallMs, cpuMs: r.cpuMs, rssKB, operations: ops, stdoutFile };
}

async function baseline(cmd, args, cwd, label) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(cmd, args, { cwd, env: process.env });
    if (r.code !== 0) throw new BenchError(`baseline ${label} exited with ${r.signal ?? r.code}: ${r.stderr.trim()}`);
    times.push(r.wallMs);
  }
  return median(times);
}

function syncDisk() {
  // Flush newly written files to disk so write-back does not run during the timed runs.
  try {
    execFileSync('sync');
  } catch {
    // No sync(1) here: carry on.
  }
}

/**
 * RUNS rounds, each: bare `node -e 0`, a cold plan (cache deleted first), a
 * warm plan (the cache the cold one wrote), back to back, so all three see
 * the same machine load. Cold and warm plans must be byte-identical.
 */
async function runScenario(repo, sites, scenario, workDir) {
  const rounds = [];
  for (let run = 0; run < RUNS; run++) {
    const node = await timed(process.execPath, ['-e', '0'], { cwd: repo, env: process.env });
    if (node.code !== 0) throw new BenchError(`baseline node -e 0 exited with ${node.signal ?? node.code}: ${node.stderr.trim()}`);
    const floor = await timed(process.execPath, [FLOOR, repo, ...scenario.floorArgs], { cwd: repo, env: process.env });
    if (floor.code !== 0) throw new BenchError(`parse floor exited with ${floor.signal ?? floor.code}: ${floor.stderr.trim()}`);
    const cold = await runTide(repo, sites, scenario, workDir, run, 'cold');
    const warm = await runTide(repo, sites, scenario, workDir, run, 'warm');
    if (!readFileSync(cold.stdoutFile).equals(readFileSync(warm.stdoutFile))) {
      throw new BenchError(`${scenario.name}, run ${run + 1}: the plan with the cache differs from the plan without it; ${kept(warm.stdoutFile)}`);
    }
    if (!KEEP) for (const f of [cold.stdoutFile, warm.stdoutFile]) rmSync(f, { force: true });
    log(
      `  ${scenario.name} round ${run + 1}/${RUNS}: node -e 0 ${ms(node.wallMs)} ms (CPU ${ms(node.cpuMs)}), ` +
        `parse floor ${s(floor.wallMs)} s (${ratio(floor.wallMs / node.wallMs)}; CPU ${s(floor.cpuMs)} s), ` +
        `cold ${s(cold.wallMs)} s (${ratio(cold.wallMs / node.wallMs)}; CPU ${s(cold.cpuMs)} s, ${ratio(cold.cpuMs / node.cpuMs)}; ${mb(cold.rssKB)} MB), ` +
        `warm ${s(warm.wallMs)} s (${ratio(warm.wallMs / node.wallMs)}; CPU ${s(warm.cpuMs)} s, ${ratio(warm.cpuMs / node.cpuMs)}; ${mb(warm.rssKB)} MB), ` +
        `${fmtInt(cold.operations)} operations`,
    );
    rounds.push({ node, floor, cold, warm });
  }
  const peak = (runs) => {
    const values = runs.map((r) => r.rssKB).filter(Number.isFinite);
    return values.length ? Math.max(...values) : NaN;
  };
  return {
    nodeMs: median(rounds.map((r) => r.node.wallMs)),
    nodeCpuMs: median(rounds.map((r) => r.node.cpuMs)),
    floorMs: median(rounds.map((r) => r.floor.wallMs)),
    floorCpuMs: median(rounds.map((r) => r.floor.cpuMs)),
    floorRatio: median(rounds.map((r) => r.floor.wallMs / r.node.wallMs)),
    floorCpuRatio: median(rounds.map((r) => r.floor.cpuMs / r.node.cpuMs)),
    coldOverFloor: median(rounds.map((r) => r.cold.wallMs / r.floor.wallMs)),
    coldCpuOverFloor: median(rounds.map((r) => r.cold.cpuMs / r.floor.cpuMs)),
    wallMs: median(rounds.map((r) => r.cold.wallMs)),
    warmMs: median(rounds.map((r) => r.warm.wallMs)),
    cpuMs: median(rounds.map((r) => r.cold.cpuMs)),
    warmCpuMs: median(rounds.map((r) => r.warm.cpuMs)),
    // Each round's own ratio, then the median: load that changes between rounds cancels out.
    coldRatio: median(rounds.map((r) => r.cold.wallMs / r.node.wallMs)),
    warmRatio: median(rounds.map((r) => r.warm.wallMs / r.node.wallMs)),
    coldCpuRatio: median(rounds.map((r) => r.cold.cpuMs / r.node.cpuMs)),
    warmCpuRatio: median(rounds.map((r) => r.warm.cpuMs / r.node.cpuMs)),
    rssKB: peak(rounds.map((r) => r.cold)),
    warmRssKB: peak(rounds.map((r) => r.warm)),
    operations: rounds[0].cold.operations,
  };
}

/** One result per scenario for `sites`: the fleet is generated once, each scenario prepares it in turn. */
async function measure(sites) {
  const workDir = mkdtempSync(join(tmpdir(), `tide-bench-plan-${sites}-`));
  tempDirs.push(workDir);
  const repo = join(workDir, 'fleet');
  const gen = await generateFleet(repo, { sites });
  syncDisk();
  log(
    `  generated ${fmtInt(sites)} sites: ${fmtInt(gen.files)} files, ${gen.servers} servers, ${gen.platforms} platforms, ` +
      `${gen.clients} clients (${s(gen.writeMs)} s files, ${s(gen.gitMs)} s git) in ${repo}`,
  );

  const gitMs = await baseline('sh', ['-c', 'git ls-files | wc -l'], repo, 'git ls-files | wc -l');

  const results = [];
  let stateFiles = 0;
  for (const scenario of SCENARIOS) {
    if (scenario.prepare) {
      stateFiles = await scenario.prepare(repo);
      syncDisk();
    }
    const r = await runScenario(repo, sites, scenario, workDir);
    results.push({ sites, scenario: scenario.name, files: gen.files, stateFiles, ...r, gitMs });
  }
  if (!KEEP) {
    rmSync(workDir, { recursive: true, force: true });
    tempDirs.splice(tempDirs.indexOf(workDir), 1);
  }
  return results;
}

// ---- output -----------------------------------------------------------------

const log = (line) => process.stdout.write(`${line}\n`);
const s = (ms) => (ms / 1000).toFixed(2);
const ms = (v) => v.toFixed(0);
const ratio = (r) => `${r.toFixed(1)}×`;
const mb = (kb) => (Number.isFinite(kb) ? (kb / 1024).toFixed(0) : 'n/a');
const fmtInt = (n) => n.toLocaleString('en-US');

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padStart(widths[i])).join(' | ')} |`;
  log(line(headers));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) log(line(r));
}

function verdicts(results) {
  const lines = [];
  const check = (label, value, limit, unit, available, hint) => {
    if (!available) return lines.push({ ok: null, text: `${label}: not measured (${hint})` });
    const ok = value <= limit;
    lines.push({ ok, text: `${label}: ${value.toFixed(2)}${unit} (target ≤ ${limit}${unit})` });
  };
  for (const scenario of SCENARIOS) {
    const by = new Map(results.filter((r) => r.scenario === scenario.name).map((r) => [r.sites, r]));
    const tag = `[${scenario.name}]`.padEnd(Math.max(...SCENARIOS.map((sc) => sc.name.length)) + 2);
    const at = by.get(TARGET.at);
    const need = `run with ${fmtInt(TARGET.at)} sites`;
    check(`${tag} cold plan ÷ node -e 0 at ${fmtInt(TARGET.at)} sites, wall`, at ? at.coldRatio : 0, TARGET.coldRatio, '×', !!at, need);
    check(`${tag} cold plan ÷ node -e 0 at ${fmtInt(TARGET.at)} sites, CPU`, at ? at.coldCpuRatio : 0, TARGET.coldRatio, '×', !!at && Number.isFinite(at.coldCpuRatio), at ? 'no /proc' : need);
    check(`${tag} warm plan ÷ node -e 0 at ${fmtInt(TARGET.at)} sites, wall`, at ? at.warmRatio : 0, TARGET.warmRatio, '×', !!at, need);
    check(`${tag} warm plan ÷ node -e 0 at ${fmtInt(TARGET.at)} sites, CPU`, at ? at.warmCpuRatio : 0, TARGET.warmRatio, '×', !!at && Number.isFinite(at.warmCpuRatio), at ? 'no /proc' : need);
    check(`${tag} cold wall time at ${fmtInt(TARGET.at)} sites`, at ? at.wallMs / 1000 : 0, TARGET.wallS, ' s', !!at, need);
    check(
      `${tag} peak RSS at ${fmtInt(TARGET.at)} sites`,
      at ? Math.max(at.rssKB, at.warmRssKB) / 1024 : 0,
      TARGET.rssMB,
      ' MB',
      !!at && Number.isFinite(at.rssKB),
      at ? 'RSS file missing' : need,
    );
    const from = by.get(TARGET.scaleFrom);
    const to = by.get(TARGET.scaleTo);
    check(
      `${tag} wall time ratio ${TARGET.scaleTo / 1000}k / ${TARGET.scaleFrom / 1000}k`,
      from && to ? to.wallMs / from.wallMs : 0,
      TARGET.scaleMax,
      '×',
      !!(from && to),
      `run with ${fmtInt(TARGET.scaleFrom)} and ${fmtInt(TARGET.scaleTo)} sites`,
    );
  }
  return lines;
}

function report(results) {
  log('');
  log('Medians of the rounds; ratios are each round\'s tide ÷ `node -e 0`, then the median; cold = no cache, warm = the cache the cold run wrote.');
  log('Wall time (spawn to exit):');
  table(
    ['sites', 'scenario', 'fleet files', 'state files', 'operations', 'node -e 0 ms', 'cold s', 'cold ÷ node', 'warm s', 'warm ÷ node', 'peak RSS MB cold / warm', 'cold ms per 1000 sites'],
    results.map((r) => [
      fmtInt(r.sites),
      r.scenario,
      fmtInt(r.files),
      fmtInt(r.stateFiles),
      fmtInt(r.operations),
      ms(r.nodeMs),
      s(r.wallMs),
      ratio(r.coldRatio),
      s(r.warmMs),
      ratio(r.warmRatio),
      `${mb(r.rssKB)} / ${mb(r.warmRssKB)}`,
      (r.wallMs / (r.sites / 1000)).toFixed(0),
    ]),
  );
  log('');
  log('CPU time (user + system, child processes such as git included):');
  table(
    ['sites', 'scenario', 'node -e 0 ms', 'cold s', 'cold ÷ node', 'warm s', 'warm ÷ node'],
    results.map((r) => [fmtInt(r.sites), r.scenario, ms(r.nodeCpuMs), s(r.cpuMs), ratio(r.coldCpuRatio), s(r.warmCpuMs), ratio(r.warmCpuRatio)]),
  );
  log('');
  log('Parse floor, same rounds: floor.mjs reads the fleet\'s *.yaml (and, applied, the state branch\'s JSON) with one');
  log('`git cat-file --batch` and parses them with js-yaml / JSON.parse, nothing else: what tide cannot do without.');
  table(
    ['sites', 'scenario', 'floor s', 'floor ÷ node', 'cold ÷ floor', 'floor CPU s', 'floor CPU ÷ node', 'cold CPU ÷ floor'],
    results.map((r) => [
      fmtInt(r.sites), r.scenario, s(r.floorMs), ratio(r.floorRatio), ratio(r.coldOverFloor), s(r.floorCpuMs), ratio(r.floorCpuRatio), ratio(r.coldCpuOverFloor),
    ]),
  );
  log('');
  log('Baseline, same repo: `git ls-files | wc -l` (median)');
  table(
    ['sites', 'scenario', 'git ls-files ms', 'cold ÷ git ls-files', 'warm ÷ git ls-files'],
    results.map((r) => [fmtInt(r.sites), r.scenario, ms(r.gitMs), ratio(r.wallMs / r.gitMs), ratio(r.warmMs / r.gitMs)]),
  );
  log('');
  const lines = verdicts(results);
  for (const l of lines) log(`${l.ok === null ? 'N/A   ' : l.ok ? 'ok    ' : 'MISSED'}  ${l.text}`);
  const missed = lines.filter((l) => l.ok === false).length;
  const unmeasured = lines.filter((l) => l.ok === null).length;
  log('');
  if (missed) log(`RESULT: MISSED ${missed} target(s)`);
  else if (unmeasured) log(`RESULT: targets met where measured (${unmeasured} not measured)`);
  else log('RESULT: all targets met');
}

function cleanup() {
  if (KEEP) {
    for (const d of tempDirs) log(`kept ${d}`);
    return;
  }
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true, maxRetries: 3 });
}

async function main() {
  const sizes = parseSizes(process.argv.slice(2));
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new BenchError(`TIDE_BENCH_RUNS must be a positive integer, got ${process.env.TIDE_BENCH_RUNS}`);
  if (!existsSync(CLI)) {
    throw new BenchError(`${CLI} does not exist: build first (npm run build), or run npm run bench:plan, which does`);
  }
  let gitVersion = 'git ?';
  try {
    gitVersion = execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    throw new BenchError('git is not on PATH: the benchmark needs it to build the fleet repositories');
  }
  log(`tide plan benchmark: ${sizes.map(fmtInt).join(', ')} sites, scenarios ${SCENARIOS.map((sc) => sc.name).join(' + ')}, ${RUNS} runs each`);
  log(`node ${process.version}, ${gitVersion}, ${process.platform}/${process.arch}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'})`);
  log(`command: node --import rss-preload.mjs ${CLI} plan --repo <fleet> --json; per round: node -e 0, cold (no .git/tide-cache), warm`);
  const results = [];
  for (const sites of sizes) {
    log('');
    log(`${fmtInt(sites)} sites`);
    results.push(...(await measure(sites)));
  }
  report(results);
}

process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

try {
  await main();
} catch (err) {
  process.stderr.write(`\nbench:plan crashed: ${err instanceof BenchError ? err.message : (err?.stack ?? err)}\n`);
  process.exitCode = 1;
} finally {
  cleanup();
}
