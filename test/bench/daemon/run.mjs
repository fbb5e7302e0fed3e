#!/usr/bin/env node
// Daemon benchmark: what `tide daemon` costs while it follows a 10,000-site
// fleet (100 servers) that is already applied, and nothing changes.
//
//   npm run bench:daemon                  # builds dist/, then 10,000 sites, 1,000 polls
//   node test/bench/daemon/run.mjs 2000   # another size (dist/ must be built)
//
// It runs the built CLI as users do (`tide daemon --repo FLEET`, a local
// path, JSON logs), with test/bench/daemon/probe.mjs preloaded so the bench
// can ask for the heap after a full GC. The steps, in order:
//   1. generate the fleet (test/bench/plan's generator), point every server at
//      a TCP listener on loopback that counts connections (the "SSH trap"),
//      take the schedules out (cron, backups; the bench fleet has no verify)
//      so that only polling is measured, and record it all as applied;
//   2. baselines in the same run: a bare `git fetch` of the same refs from
//      a clone of the same repository, and `tide plan --json`;
//   3. start the daemon and wait for its first reconcile (clone, load, plan:
//      no changes);
//   4. let it poll: heap after GC at poll WARMUP (100, and at least 40 s
//      after the start: past the scheduler's first tick), half way and at
//      poll POLLS (1,000), CPU of the daemon and of the git processes it ran (from
//      /proc: utime/stime and cutime/cstime), resident memory sampled along;
//   5. a commit that changes no fleet file: the fleet is loaded and planned again;
//   6. SIGTERM; the trap must have seen no connection and /metrics no operation.
// Fails when the daemon connects to a server, runs an operation, its heap
// after GC grows more than MAX_HEAP_GROWTH over the polls (half of it over
// the second half: growth per poll would show there), or it
// does not exit 0. Environment: TIDE_BENCH_POLLS (default 1000),
// TIDE_BENCH_POLL_MS (poll interval, default 50), TIDE_BENCH_KEEP=1 (keep
// the repositories), TIDE_BENCH_HEAP_SNAPSHOTS=1 (heap snapshots at both
// probes, kept in the work directory), TIDE_BENCH_CLI (another CLI entry
// file, relative to the project root: to compare two builds).

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateFleet } from '../plan/generate.mjs';
import { git } from '../plan/git.mjs';
import { writeAppliedState } from '../plan/state.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = resolve(ROOT, process.env.TIDE_BENCH_CLI ?? 'dist/cli/bin.js');
const PROBE = pathToFileURL(fileURLToPath(new URL('./probe.mjs', import.meta.url))).href;
const SITES = Number(process.argv[2] ?? 10000);
const POLLS = Number(process.env.TIDE_BENCH_POLLS ?? 1000);
const WARMUP = Math.min(100, Math.floor(POLLS / 10));
const POLL_MS = Number(process.env.TIDE_BENCH_POLL_MS ?? 50);
const KEEP = process.env.TIDE_BENCH_KEEP === '1';
const SNAPSHOTS = process.env.TIDE_BENCH_HEAP_SNAPSHOTS === '1';
const BASELINE_FETCHES = 100;
/** The warm-up lasts at least this long: past the scheduler's first tick (30 s after the start). */
const WARMUP_MS = 40_000;
/** Heap after a full GC may move by noise (a lazily compiled function, a pooled buffer), not climb with the polls. */
const MAX_HEAP_GROWTH = 0.02;
const CLOCK_TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

const log = (line) => process.stdout.write(`${line}\n`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const table = [];
const row = (what, value, ratio = '') => table.push([what, value, ratio]);

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'tide-bench-daemon-'));
  const trap = await connectionTrap();
  let daemon;
  try {
    const fleet = join(work, 'fleet');
    log(`Generating a ${SITES.toLocaleString('en')}-site fleet...`);
    const generated = await generateFleet(fleet, { sites: SITES });
    pointServersAtTrap(fleet, trap.port);
    const unscheduled = removeSchedules(fleet);
    git(fleet, ['commit', '-q', '-a', '-m', 'bench: servers at the connection trap, no schedules']);
    const state = await writeAppliedState(fleet);
    log(`  ${generated.servers} servers at 127.0.0.1:${trap.port} (the trap), schedules taken out of ${unscheduled} sites, ` +
      `recorded as applied on ${state.branch}`);

    const fetchBase = bareFetchBaseline(fleet, join(work, 'baseline-clone'), state.branch);
    log(`Baseline: bare git fetch of the same refs, nothing new: ${fetchBase.wallMs.toFixed(1)} ms wall, ${fetchBase.cpuMs.toFixed(1)} ms CPU (${BASELINE_FETCHES} runs)`);
    const planStarted = performance.now();
    const planCpu0 = childrenCpuMs('self');
    execFileSync('node', [CLI, 'plan', '--json', '--repo', fleet, '--ref', 'main'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    const planMs = performance.now() - planStarted;
    const planCpuMs = childrenCpuMs('self') - planCpu0;
    log(`Baseline: tide plan --json: ${s(planMs)} wall, ${s(planCpuMs)} CPU`);

    const probeFile = join(work, 'probes.jsonl');
    const snapshotDir = join(work, 'heap');
    if (SNAPSHOTS) mkdirSync(snapshotDir);
    daemon = startDaemon(fleet, join(work, 'cache'), {
      TIDE_BENCH_RSS_FILE: join(work, 'daemon.maxrss'), TIDE_BENCH_PROBE_FILE: probeFile,
      ...(SNAPSHOTS ? { TIDE_BENCH_HEAP_SNAPSHOTS: snapshotDir } : {}),
    });
    const started = performance.now();
    const first = await daemon.waitFor((e) => e.event === 'reconcile.done');
    const startupMs = performance.now() - started;
    if (first.result !== 'no-changes') throw new Error(`the first reconcile should find nothing to do, got ${first.result}`);
    const atStart = await daemon.sample();
    log(`Start-up (clone, load, plan, no changes): ${s(startupMs)} wall, ${s(atStart.cpuMs)} CPU in the daemon + ${s(atStart.childCpuMs)} in git, ${mb(atStart.rss)} resident`);
    row(`start-up: clone, load, plan ${SITES.toLocaleString('en')} sites (wall)`, s(startupMs), `${(startupMs / planMs).toFixed(2)}× tide plan`);
    row('start-up CPU (daemon + its git)', s(atStart.cpuMs + atStart.childCpuMs), `${((atStart.cpuMs + atStart.childCpuMs) / planCpuMs).toFixed(2)}× tide plan`);
    row('resident after start-up', mb(atStart.rss));

    // Polls that find nothing new. The warm-up also covers the scheduler's first tick (30 s after the start),
    // which loads the recorded state into the cache it shares with the status page: once, not per poll.
    await daemon.pollsThen(atStart.fetches + WARMUP);
    await sleep(Math.max(0, started + WARMUP_MS - performance.now()));
    const warm = await daemon.sample();
    const heapWarm = await daemon.probe();
    const rssSamples = [];
    const half = await daemon.pollsThen(warm.fetches + Math.floor((atStart.fetches + POLLS - warm.fetches) / 2), (x) => rssSamples.push(x));
    const heapHalf = await daemon.probe();
    const end = await daemon.pollsThen(atStart.fetches + POLLS, (x) => rssSamples.push(x));
    const heapEnd = await daemon.probe();
    const polls = end.fetches - warm.fetches;
    const cpuPerPoll = (end.cpuMs - warm.cpuMs) / polls;
    const gitPerPoll = (end.childCpuMs - warm.childCpuMs) / polls;
    const wallPerPoll = (end.at - warm.at) / polls;
    const heapGrowth = heapEnd.heapUsed / heapWarm.heapUsed - 1;
    const lateGrowth = heapEnd.heapUsed / heapHalf.heapUsed - 1;
    const rssEarly = median(rssSamples.slice(0, Math.ceil(rssSamples.length / 4)).map((x) => x.rss));
    const rssLate = median(rssSamples.slice(Math.floor((3 * rssSamples.length) / 4)).map((x) => x.rss));
    const [p0, p1, p2] = [warm, half, end].map((x) => x.fetches - atStart.fetches);
    log(`${polls} no-change polls (${p0} to ${p2}): ${cpuPerPoll.toFixed(2)} ms CPU each in the daemon + ${gitPerPoll.toFixed(2)} ms in git; ` +
      `heap after GC ${mb(heapWarm.heapUsed)} → ${mb(heapHalf.heapUsed)} → ${mb(heapEnd.heapUsed)} at polls ${p0}, ${p1}, ${p2} ` +
      `(${pct(heapGrowth)}, ${((heapEnd.heapUsed - heapWarm.heapUsed) / polls).toFixed(0)} B/poll); resident ${mb(rssEarly)} → ${mb(rssLate)} (${pct(rssLate / rssEarly - 1)})`);
    row('no-change poll: CPU in the daemon', `${cpuPerPoll.toFixed(2)} ms`, `${(cpuPerPoll / fetchBase.cpuMs).toFixed(2)}× a bare git fetch`);
    row('no-change poll: CPU in git (fetch + rev-parse)', `${gitPerPoll.toFixed(2)} ms`, `${(gitPerPoll / fetchBase.cpuMs).toFixed(2)}× a bare git fetch`);
    row('no-change poll: wall (poll + interval)', `${wallPerPoll.toFixed(1)} ms`, `interval ${POLL_MS} ms ±10%`);
    row(`heap after GC, poll ${p0} → ${p2}`, `${mb(heapWarm.heapUsed)} → ${mb(heapEnd.heapUsed)}`, pct(heapGrowth));
    row(`heap after GC, poll ${p1} → ${p2} (second half)`, `${mb(heapHalf.heapUsed)} → ${mb(heapEnd.heapUsed)}`, pct(lateGrowth));
    row('resident, first → last quarter of the polls', `${mb(rssEarly)} → ${mb(rssLate)}`, pct(rssLate / rssEarly - 1));

    // A new commit that changes nothing in the fleet: the whole fleet is loaded and planned again.
    const before = await daemon.sample();
    const from = daemon.events.length;
    git(fleet, ['commit', '-q', '--allow-empty', '-m', 'no fleet change']);
    const commitStarted = performance.now();
    const done = await daemon.waitFor((e) => e.event === 'reconcile.done' && e.commit !== first.commit, from);
    const commitMs = performance.now() - commitStarted;
    const after = await daemon.sample();
    const commitCpu = after.cpuMs - before.cpuMs + after.childCpuMs - before.childCpuMs;
    log(`New commit without fleet changes (${done.result}): ${s(commitMs)} wall, ${s(commitCpu)} CPU, ${mb(after.rss)} resident`);
    row('new commit, no fleet change: wall', s(commitMs), `${(commitMs / planMs).toFixed(2)}× tide plan`);
    row('new commit, no fleet change: CPU', s(commitCpu), `${(commitCpu / planCpuMs).toFixed(2)}× tide plan`);

    const code = await daemon.stop();
    const peak = Number(readFileSync(join(work, 'daemon.maxrss'), 'utf8')) * 1024;
    row('peak resident (whole run)', mb(peak));
    row('connections to the servers (SSH trap)', String(trap.connections));
    row('operations run', String(after.operations));
    log(`Stopped with exit code ${code}; peak resident ${mb(peak)}; connections to the servers: ${trap.connections}; operations run: ${after.operations}`);
    log('');
    log(`| ${SITES.toLocaleString('en')} sites, ${generated.servers} servers | value | ratio |`);
    log('|---|---|---|');
    for (const [what, value, ratio] of table) log(`| ${what} | ${value} | ${ratio} |`);
    log('');

    const problems = [];
    if (trap.connections !== 0) problems.push(`the daemon opened ${trap.connections} connection(s) to a server`);
    if (after.operations !== 0) problems.push(`the daemon ran ${after.operations} operation(s)`);
    if (heapGrowth > MAX_HEAP_GROWTH) problems.push(`the heap after GC grew ${pct(heapGrowth)} over ${polls} polls (limit ${pct(MAX_HEAP_GROWTH)})`);
    if (lateGrowth > MAX_HEAP_GROWTH / 2) problems.push(`the heap after GC grew ${pct(lateGrowth)} over the second half of the polls (limit ${pct(MAX_HEAP_GROWTH / 2)})`);
    if (code !== 0) problems.push(`the daemon exited with ${code}`);
    if (problems.length) throw new Error(problems.join('; '));
    log('OK');
  } finally {
    await daemon?.stop();
    trap.close();
    if (!KEEP && !SNAPSHOTS) rmSync(work, { recursive: true, force: true });
    else log(`kept ${work}`);
  }
}

/** Every server of the generated fleet at 127.0.0.1:PORT, the trap (the fleet is committed after). */
function pointServersAtTrap(fleet, port) {
  const dir = join(fleet, 'servers');
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^host: .*$/m, 'host: 127.0.0.1').replace(/^port: 22$/m, `port: ${port}`));
  }
}

/** Takes `cron:` and `backups:` out of every site file, so no scheduled job runs during the measurement; returns how many files changed. */
function removeSchedules(fleet) {
  let changed = 0;
  for (const sub of readdirSync(join(fleet, 'sites'))) {
    for (const file of readdirSync(join(fleet, 'sites', sub))) {
      const path = join(fleet, 'sites', sub, file);
      const text = readFileSync(path, 'utf8');
      const without = text.replace(/^(cron|backups): .*\n/gm, '');
      if (without !== text) {
        writeFileSync(path, without);
        changed += 1;
      }
    }
  }
  return changed;
}

/** A clone like the daemon's cache, then BASELINE_FETCHES fetches of the same refs that find nothing new: median wall, mean CPU. */
function bareFetchBaseline(fleet, dir, stateBranch) {
  mkdirSync(dir);
  const run = (args) => {
    const done = spawnSync('git', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    if (done.status !== 0) throw new Error(`git ${args.join(' ')}: ${done.stderr}`);
  };
  const fetch = ['fetch', '--quiet', '--no-tags', '--prune', 'origin', '+refs/heads/main:refs/remotes/origin/main',
    `+refs/heads/${stateBranch}*:refs/remotes/origin/${stateBranch}*`];
  run(['init', '-q']);
  run(['remote', 'add', 'origin', fleet]);
  run(fetch);
  const walls = [];
  const cpu0 = childrenCpuMs('self');
  for (let i = 0; i < BASELINE_FETCHES; i++) {
    const t = performance.now();
    run(fetch);
    walls.push(performance.now() - t);
  }
  return { wallMs: median(walls), cpuMs: (childrenCpuMs('self') - cpu0) / BASELINE_FETCHES };
}

/** /proc/PID/stat: CPU of the process itself and of the children it has waited for, in ms. */
function procCpu(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // Fields from the third (state) on: utime is the 14th of the whole line, i.e. index 11 here.
  const ticks = (i) => Number(fields[i]) * CLOCK_TICK_MS;
  return { cpuMs: ticks(11) + ticks(12), childCpuMs: ticks(13) + ticks(14) };
}

function childrenCpuMs(pid) {
  return procCpu(pid).childCpuMs;
}

function residentBytes(pid) {
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
}

/** A TCP listener that counts connections and closes them. */
async function connectionTrap() {
  const trap = { connections: 0 };
  const server = createServer((socket) => { trap.connections += 1; socket.destroy(); });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return Object.assign(trap, { port: server.address().port, close: () => server.close() });
}

function startDaemon(fleet, cache, env) {
  const probeFile = env.TIDE_BENCH_PROBE_FILE;
  const child = spawn('node', ['--expose-gc', '--import', PROBE, CLI, 'daemon', '--repo', fleet, '--cache-dir', cache, '--interval', `${POLL_MS}ms`,
    '--listen', '127.0.0.1:0', '--log-format', 'json'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const events = [];
  const waiters = new Set();
  let rest = '';
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    rest += chunk;
    const lines = rest.split('\n');
    rest = lines.pop();
    for (const line of lines) {
      try {
        const event = JSON.parse(line);
        events.push(event);
        if (event.level !== 'info') stderr += `${line}\n`;
      } catch {
        stderr += `${line}\n`;
      }
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise((done) => child.on('exit', (code) => { for (const wake of waiters) wake(); done(code); }));
  let exitCode;
  exited.then((code) => { exitCode = code; });
  const waitFor = (match, from = 0, timeoutMs = 600_000) => new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`timed out waiting in the daemon's log:\n${stderr}`)), timeoutMs);
    const check = () => {
      const found = events.slice(from).find(match);
      if (found || exitCode !== undefined) {
        clearTimeout(timer);
        waiters.delete(check);
        if (found) done(found);
        else fail(new Error(`the daemon exited (${exitCode}):\n${stderr}`));
      }
    };
    waiters.add(check);
    check();
  });
  const url = async (path) => `http://${(await waitFor((e) => e.event === 'daemon.started')).listen}${path}`;
  const sample = async () => {
    const text = await (await fetch(await url('/metrics'))).text();
    const value = (name) => Number(text.split('\n').find((l) => l.startsWith(`${name} `))?.split(' ')[1] ?? NaN);
    const operations = text.split('\n').filter((l) => l.startsWith('tide_operations_total{')).reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
    return { at: performance.now(), fetches: value('tide_fetches_total'), operations, rss: residentBytes(child.pid), ...procCpu(child.pid) };
  };
  return {
    events,
    waitFor,
    sample,
    /** Samples about every second until the daemon has fetched `fetches` times; returns the last sample. */
    async pollsThen(fetches, each = () => {}) {
      for (;;) {
        const x = await sample();
        each(x);
        if (x.fetches >= fetches) return x;
        if (exitCode !== undefined) throw new Error(`the daemon exited (${exitCode}):\n${stderr}`);
        await sleep(Math.min(1000, Math.max(20, (fetches - x.fetches) * POLL_MS)));
      }
    },
    /** Heap after a full GC in the daemon (probe.mjs answers SIGUSR2). */
    async probe() {
      const count = () => { try { return readFileSync(probeFile, 'utf8').trim().split('\n').filter(Boolean); } catch { return []; } };
      const before = count().length;
      child.kill('SIGUSR2');
      for (let i = 0; i < 600 && count().length === before; i++) await sleep(100);
      const lines = count();
      if (lines.length === before) throw new Error('the daemon did not answer the memory probe');
      return JSON.parse(lines.at(-1));
    },
    async stop() {
      if (exitCode === undefined) child.kill('SIGTERM');
      return exited;
    },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

function pct(x) {
  return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
}

function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

main().catch((error) => {
  process.stderr.write(`bench:daemon failed: ${error.message}\n`);
  process.exit(1);
});
