// tide apply migrating 40 notes sites (examples/notes-upgrade) from
// notes-1.0 to notes-2.0 on the two loopback servers, once at the fleet's
// concurrency (total 8, perServer 4) and once one at a time (total 1,
// perServer 1), in the same process, alternating which goes first each
// round, so the ratio holds on a noisy machine. Each mode migrates its own
// fleet of identical sites, installed (not timed) with a few notes each.
// Prints a table; asserts that every migrate did the work (records ok, every
// site serves 2.0 with its rows), not a time.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../../helpers/git-cli.js';
import { logTail } from '../../integration/env/processes.js';
import { commitAll, makeFleet, operationRecords, stateFile, tide, writeFleetFile, type StoredRecord, type TestFleet } from '../../integration/support/fleet.js';
import { pageWhen, sql } from '../../integration/support/probe.js';

const services = inject('services');
const SITES = Number(process.env.TIDE_BENCH_MIGRATE_SITES ?? 40);
const ROUNDS = Number(process.env.TIDE_BENCH_MIGRATE_ROUNDS ?? 2);
const MODES = {
  par: { label: 'concurrent (total 8, perServer 4)', concurrency: { total: 8, perServer: 4 } },
  seq: { label: 'one at a time (total 1, perServer 1)', concurrency: { total: 1, perServer: 1 } },
} as const;
type Mode = keyof typeof MODES;

afterAll(() => removeGitCliRepos());

/** The middle value; the mean of the two middle ones for an even count (two rounds). */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const secs = (ms: number) => (ms / 1000).toFixed(2);

interface Prepared {
  fleet: TestFleet;
  names: string[];
}

/** Sets `concurrency:` in the fleet's tide.yaml (the Fleet doc). */
function setConcurrency(fleet: TestFleet, c: { total: number; perServer: number }): void {
  const path = join(fleet.dir, 'tide.yaml');
  const text = readFileSync(path, 'utf8');
  const next = text.replace(/^concurrency:.*$/m, `concurrency: { total: ${c.total}, perServer: ${c.perServer} }`);
  expect(next).toMatch(/^concurrency: /m);
  writeFileSync(path, next);
}

/**
 * A fleet of SITES notes-1.0 sites, half pinned to each server, installed with
 * three notes each, and a commit moving them all to notes-2.0 at this mode's
 * concurrency; not timed.
 */
async function prepare(mode: Mode, round: number): Promise<Prepared> {
  const fleet = makeFleet(services, `bm-${mode}-r${round}`, { example: 'notes-upgrade', keepSites: false });
  const names = Array.from({ length: SITES }, (_, i) => `bm-${mode}-r${round}-${String(i).padStart(2, '0')}.example.test`);
  const writeSites = (platform: string) => names.forEach((name, i) =>
    writeFleetFile(fleet, `sites/${name}.yaml`, { kind: 'Site', name, platform, server: i % 2 ? 'web2' : 'web1' }));
  writeSites('notes-1.0');
  commitAll(fleet, `${SITES} notes sites on notes-1.0`);
  const install = await tide(fleet, ['apply', '--yes']);
  expect(install.exitCode, install.all).toBe(0);
  const inserts = names.map((name) => {
    const db = (JSON.parse(stateFile(fleet, `state/sites/${name}.json`)!) as { db: { name: string } }).db.name;
    return `INSERT INTO \`${db}\`.notes (title, body) VALUES ('Groceries', 'milk, eggs'), ('Ideas', 'a better tide'), ('Bench ${name}', 'row of ${name}');`;
  });
  await sql(services, inserts.join('\n'));

  writeSites('notes-2.0');
  setConcurrency(fleet, MODES[mode].concurrency);
  commitAll(fleet, `${SITES} notes sites to notes-2.0, concurrency ${JSON.stringify(MODES[mode].concurrency)}`);
  // The plan is exactly one migrate per site: the concurrency change plans nothing.
  const plan = await tide(fleet, ['plan', '--json']);
  expect(plan.exitCode, plan.all).toBe(0);
  const ops = (JSON.parse(plan.stdout) as { operations: { action: string; blockers: unknown[] }[] }).operations;
  expect(ops.map((o) => o.action)).toEqual(names.map(() => 'migrate'));
  expect(ops.flatMap((o) => o.blockers)).toEqual([]);
  return { fleet, names };
}

interface Measured {
  wallMs: number;
  /** finishedAt − startedAt of each migrate record. */
  perMigrateMs: number[];
}

/** The timed part: one `tide apply --yes` of the migrate commit; then checks it did the work. */
async function migrate({ fleet, names }: Prepared): Promise<Measured> {
  const [web1, web2] = services.ssh.servers;
  const started = performance.now();
  const run = await tide(fleet, ['apply', '--yes']);
  const wallMs = performance.now() - started;

  const records = operationRecords(fleet).filter((r) => r.action === 'migrate') as (StoredRecord & { finishedAt?: string })[];
  const failed = records.filter((r) => r.status !== 'ok').map((r) => `${r.target.name} on ${r.server}: ${r.status}: ${r.error ?? ''}`);
  // What MariaDB said too: the one failure seen here so far was the database going away mid-run.
  const dbLog = failed.length ? await logTail(join(services.dir, 'mariadb', 'mariadbd.log'), 40) : '';
  expect(failed, `migrates that did not succeed (apply output:\n${run.all}\nmariadbd.log:\n${dbLog})`).toEqual([]);
  expect(run.exitCode, run.all).toBe(0);
  expect(records.map((r) => r.target.name).sort()).toEqual([...names].sort());

  for (const [i, name] of names.entries()) {
    const port = (i % 2 ? web2 : web1)!.http.port;
    const page = await pageWhen(port, name, (p) => p.status === 200 && p.body.includes('Notes 2.0.0'));
    expect(page.body, name).toContain('Notes 2.0.0');
    expect(page.body, name).toContain(`Bench ${name}: row of ${name}`);
  }
  return { wallMs, perMigrateMs: records.map((r) => Date.parse(r.finishedAt!) - Date.parse(r.startedAt)) };
}

it(`migrates ${SITES} notes sites 1.0 → 2.0 on 2 servers: concurrent vs one at a time`, async () => {
  const results: Record<Mode, Measured[]> = { par: [], seq: [] };
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which mode goes first, so neither always runs on a warmer (or busier) machine.
    const order: Mode[] = round % 2 ? ['seq', 'par'] : ['par', 'seq'];
    const prepared = { par: await prepare('par', round), seq: await prepare('seq', round) };
    for (const mode of order) results[mode].push(await migrate(prepared[mode]));
  }

  const wall = (mode: Mode) => median(results[mode].map((m) => m.wallMs));
  const each = (mode: Mode) => median(results[mode].flatMap((m) => m.perMigrateMs));
  const busy = (mode: Mode) => median(results[mode].map((m) => m.perMigrateMs.reduce((a, b) => a + b, 0) / m.wallMs));
  const row = (mode: Mode) =>
    `  ${MODES[mode].label.padEnd(38)}${secs(wall(mode)).padStart(7)} s   per migrate ${secs(each(mode))} s   ` +
    `migrates in flight ${busy(mode).toFixed(1)}   rounds: ${results[mode].map((m) => secs(m.wallMs)).join(', ')}`;
  console.log([
    '',
    `migrate benchmark: ${SITES} notes sites notes-1.0 → notes-2.0 on 2 servers, ${ROUNDS} alternating round(s) (medians)`,
    row('par'),
    row('seq'),
    `  speed-up (one at a time / concurrent)  ${(wall('seq') / wall('par')).toFixed(2)}x   ` +
      `rounds: ${results.par.map((m, i) => (results.seq[i]!.wallMs / m.wallMs).toFixed(2)).join(', ')}`,
    '',
  ].join('\n'));
});
