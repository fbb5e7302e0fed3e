// Batch migrate: ten sites change platform in one commit. The plan lists one
// migrate per site, the executor runs them side by side within the fleet's
// limits, and the one site whose data makes the update fail is rolled back
// alone and keeps serving the old release with every row.

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, expectNoSecretsStored, makeFleet, operationRecords, stateFile, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { pageWhen, sql } from './support/probe.js';

const services = inject('services');
const ports = Object.fromEntries(services.ssh.servers.map((s) => [s.name, s.http.port])) as Record<string, number>;
const SITES = Array.from({ length: 10 }, (_, i) => `batch-${String(i).padStart(2, '0')}.example.test`);
const server = (i: number) => (i % 2 === 0 ? 'web1' : 'web2');
/** Two of its notes give the same slug, so 2.0's unique index fails on its data. */
const TROUBLED = SITES[7]!;
const PER_SERVER = 2;
let fleet: TestFleet;

const dbOf = (site: string): string => JSON.parse(stateFile(fleet, `state/sites/${site}.json`)!).db.name;
const notes = (site: string) => sql(services, `SELECT id, title, body FROM \`${dbOf(site)}\`.notes ORDER BY id`);

function writeSites(platform: string): void {
  SITES.forEach((name, i) => writeFleetFile(fleet, `sites/${name}.yaml`, { kind: 'Site', name, platform, server: server(i) }));
}

beforeAll(async () => {
  fleet = makeFleet(services, 'batch-migrate', { example: 'notes-upgrade', keepSites: false });
  writeFleetFile(fleet, 'tide.yaml', { kind: 'Fleet', name: 'batch', id: fleet.id, concurrency: { total: 4, perServer: PER_SERVER } });
  writeSites('notes-1.0');
  commitAll(fleet, 'ten notes sites on 1.0');
  const install = await tide(fleet, ['apply', '--yes']);
  expect(install.exitCode, install.all).toBe(0);
  for (const site of SITES) {
    await sql(services, `INSERT INTO \`${dbOf(site)}\`.notes (title, body) VALUES ('Todo', 'first of ${site}'), ('Done', 'second')`);
  }
  await sql(services, `INSERT INTO \`${dbOf(TROUBLED)}\`.notes (title, body) VALUES ('Todo!', 'same slug as Todo')`);
});
afterAll(() => removeGitCliRepos());

describe('ten sites move from notes-1.0 to notes-2.0 in one commit', () => {
  it('plans one migrate per site', async () => {
    writeSites('notes-2.0');
    commitAll(fleet, 'all ten to 2.0');
    const plan = JSON.parse((await tide(fleet, ['plan', '--json'])).stdout);
    const migrates = plan.operations.filter((o: { action: string }) => o.action === 'migrate');
    expect(migrates.map((o: { target: { name: string } }) => o.target.name).sort()).toEqual(SITES);
    expect(migrates.every((o: { blockers: unknown[] }) => o.blockers.length === 0)).toBe(true);
  });

  it('migrates nine and rolls back only the one whose update fails, which keeps serving 1.0 with every row', async () => {
    const before = new Map<string, string[][]>();
    for (const site of SITES) before.set(site, await notes(site));

    const apply = await tide(fleet, ['apply', '--yes']);
    expectNoSecretsStored(fleet);
    expect(apply.exitCode).toBe(1);
    expect(apply.all).toMatch(/Apply finished: 9 ok, 1 failed, 0 skipped/);

    const records = operationRecords(fleet).filter((r) => r.action === 'migrate');
    expect(records.filter((r) => r.status === 'ok').map((r) => r.target.name).sort()).toEqual(SITES.filter((s) => s !== TROUBLED));
    const failed = records.find((r) => r.target.name === TROUBLED)!;
    expect(failed.status).toBe('rolled-back');
    expect(failed.error).toContain('duplicate slugs');

    for (const [i, site] of SITES.entries()) {
      expect(await notes(site)).toEqual(before.get(site));
      const release = site === TROUBLED ? 'Notes 1.0.0' : 'Notes 2.0.0';
      const page = await pageWhen(ports[server(i)]!, site, (p) => p.status === 200 && p.body.includes(release));
      expect(page.body, site).toContain(`${release} — ${site}`);
      expect(page.body).toContain(`first of ${site}`);
    }
    expect(JSON.parse(stateFile(fleet, `state/sites/${TROUBLED}.json`)!).platform).toBe('notes-1.0');
  });

  it('ran them side by side, never more than perServer at once on a server', () => {
    const records = operationRecords(fleet).filter((r) => r.action === 'migrate') as (ReturnType<typeof operationRecords>[number] & { finishedAt: string })[];
    const most = (list: typeof records): number => {
      const edges = list.flatMap((r) => [[Date.parse(r.startedAt), 1], [Date.parse(r.finishedAt), -1]] as const)
        .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      let now = 0;
      let peak = 0;
      for (const [, step] of edges) peak = Math.max(peak, (now += step));
      return peak;
    };
    expect(most(records)).toBeGreaterThan(1);
    for (const name of ['web1', 'web2']) expect(most(records.filter((r) => r.server === name))).toBeLessThanOrEqual(PER_SERVER);
  });
});
