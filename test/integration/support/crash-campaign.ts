// The crash campaign: tide is SIGKILLed at random points (seeded) of real
// applies of the notes-upgrade fleet (installs, a migrate to the other server,
// a clone, a restore, deletes), then a plain `tide apply` (after `tide unlock
// --force`, as a user would) recovers and finishes. Between the kill and the
// recovery, a row is written to every site that serves, wherever it serves:
// recovery must keep it. After each recovery every site serves every row it
// had (over HTTP and in MariaDB), every record is final, no staging directory,
// copy database or orphan process is left, deleted sites keep their backups
// listed, and the plan is empty.
//
// The phases come in turn, each until one kill lands in it: a command that
// ends before its kill teaches the campaign how long that phase takes, and
// the phase runs again with the kill drawn within that time. So `kills` kills
// take about `kills` rounds, every phase is killed, and a seed replays the
// same draws.

import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { siteDatabaseNames } from '../../../src/services/db/mariadb/index.js';
import type { TestServices } from '../env/types.js';
import { git } from '../../helpers/git-cli.js';
import { commitAll, list, makeFleet, operationRecords, REPO_ROOT, stateFile, tide, writeFleetFile, type TestFleet } from './fleet.js';
import { httpGet, pageWhen, sql } from './probe.js';

type ServerName = 'web1' | 'web2';
type Phase = 'install' | 'migrate' | 'clone' | 'restore' | 'delete';
const PHASES: Phase[] = ['install', 'migrate', 'clone', 'restore', 'delete'];
/** Rounds allowed per kill before the campaign gives up (commands that keep ending before their kill). */
const ROUNDS_PER_KILL = 4;

export interface CampaignOptions {
  kills: number;
  seed: number;
  /** Names its fleet roots and sites (test files share one MariaDB). */
  tag: string;
  log(line: string): void;
}

export interface CampaignReport {
  seed: number;
  rounds: number;
  kills: number;
  /** Kills after which the plain apply recovered and every check held. */
  recovered: number;
  /** Rows written to a live site between a kill and its recovery. */
  rowsWrittenAfterKills: number;
  lostRows: number;
  byPhase: Record<Phase, number>;
  /** The first check that failed, if any (the campaign stops there). */
  failure?: string;
}

const html = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');

/** mulberry32: a small seeded generator, so a failing campaign can be replayed with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SiteRecord {
  server: ServerName;
  platform: string;
  db?: { name: string };
  backups?: { id: string }[];
}

class Campaign {
  readonly fleet: TestFleet;
  readonly ports: Record<ServerName, number>;
  /** Rows each site is known to hold ("id|title|body"). */
  readonly rows = new Map<string, Set<string>>();
  readonly sites = new Map<string, Record<string, unknown>>();
  readonly deleted = new Set<string>();
  /** Seconds each phase's command took when it ran to its end: where kills are drawn from. */
  readonly duration: Record<Phase, number> = { install: 8, migrate: 15, clone: 10, restore: 12, delete: 8 };
  readonly report: CampaignReport;
  /** Sites the install and clone phases made since the last delete: what the delete phase deletes. */
  private fresh: string[] = [];
  private a: string;
  private b: string;

  constructor(readonly services: TestServices, readonly o: CampaignOptions) {
    this.fleet = makeFleet(services, o.tag, { example: 'notes-upgrade', keepSites: false });
    this.ports = { web1: services.ssh.servers[0]!.http.port, web2: services.ssh.servers[1]!.http.port };
    this.report = { seed: o.seed, rounds: 0, kills: 0, recovered: 0, rowsWrittenAfterKills: 0, lostRows: 0, byPhase: { install: 0, migrate: 0, clone: 0, restore: 0, delete: 0 } };
    this.a = `${o.tag}-a.example.test`;
    this.b = `${o.tag}-b.example.test`;
  }

  site(name: string, fields: Record<string, unknown>): void {
    const doc = { kind: 'Site', name, ...fields };
    this.sites.set(name, doc);
    writeFleetFile(this.fleet, `sites/${name}.yaml`, doc);
  }

  recorded(name: string): SiteRecord | null {
    const text = stateFile(this.fleet, `state/sites/${name}.json`);
    return text ? (JSON.parse(text) as SiteRecord) : null;
  }

  async setUp(): Promise<void> {
    this.site(this.a, { platform: 'notes-1.0', server: 'web1' });
    this.site(this.b, { platform: 'notes-1.0', server: 'web2' });
    commitAll(this.fleet, 'two notes sites');
    const first = await tide(this.fleet, ['apply', '--yes']);
    if (first.exitCode !== 0) throw new Error(`the first apply failed:\n${first.all}`);
    for (const name of [this.a, this.b]) this.rows.set(name, new Set(await this.dbRows(name, this.recorded(name)!.db!.name)));
  }

  /** Changes the fleet (or picks the command) for a phase; returns the tide command to kill. */
  async prepare(phase: Phase, round: number): Promise<string[]> {
    switch (phase) {
      case 'install':
        this.site(this.freshName('i', round), { platform: 'notes-2.0', server: round % 2 ? 'web1' : 'web2' });
        break;
      case 'migrate': {
        const now = this.recorded(this.a)!;
        this.site(this.a, { platform: 'notes-2.0', server: now.server === 'web1' ? 'web2' : 'web1' });
        break;
      }
      case 'clone':
        this.site(this.freshName('c', round), { platform: 'notes-2.0', server: round % 2 ? 'web2' : 'web1', cloneFrom: this.a });
        break;
      case 'restore': {
        const backup = await tide(this.fleet, ['backup', this.b]);
        if (backup.exitCode !== 0) throw new Error(`tide backup before the restore failed:\n${backup.all}`);
        const id = this.recorded(this.b)!.backups!.at(-1)!.id;
        return ['restore', this.b, '--backup', id];
      }
      case 'delete':
        // Again after a delete that ended before its kill: nothing is left to delete, so install a site first.
        if (this.fresh.length === 0) await this.installForDelete(round);
        for (const name of this.fresh.splice(0)) {
          this.site(name, { ...this.sites.get(name), status: 'deleted' });
          this.deleted.add(name);
        }
        break;
    }
    commitAll(this.fleet, `crash campaign: ${phase}`);
    return ['apply', '--yes'];
  }

  freshName(kind: 'i' | 'c', round: number): string {
    const name = `${this.o.tag}-${kind}${round}.example.test`;
    this.fresh.push(name);
    return name;
  }

  async installForDelete(round: number): Promise<void> {
    this.site(this.freshName('i', round), { platform: 'notes-2.0', server: 'web1' });
    commitAll(this.fleet, 'crash campaign: a site for the delete');
    const install = await tide(this.fleet, ['apply', '--yes']);
    if (install.exitCode !== 0) throw new Error(`the install before the delete failed:\n${install.all}`);
  }

  /** Runs the command and SIGKILLs it after a random delay; true when the kill landed before it ended. */
  async runAndKill(phase: Phase, args: string[], rand: () => number): Promise<boolean> {
    const delay = Math.round((0.05 + 0.9 * rand()) * this.duration[phase] * 1000);
    const started = Date.now();
    const child = execa('node', [join(REPO_ROOT, 'dist/cli/bin.js'), ...args], {
      cwd: this.fleet.dir, env: { ...this.fleet.env, NO_COLOR: '1' }, reject: false, all: true,
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    const result = await child;
    clearTimeout(timer);
    const killed = result.signal === 'SIGKILL';
    if (!killed) this.duration[phase] = (Date.now() - started) / 1000;
    this.o.log(`  ${phase}: ${killed ? `killed after ${delay} ms` : `ended before the kill (${Date.now() - started} ms, exit ${result.exitCode})`}`);
    if (!killed && result.exitCode !== 0) throw new Error(`tide ${args.join(' ')} failed without a kill:\n${result.all}`);
    return killed;
  }

  /** Writes a row to every site wherever it serves now (the record may not say where yet). */
  async writeToLiveSites(round: number): Promise<void> {
    for (const name of this.liveNames()) {
      for (const server of ['web1', 'web2'] as const) {
        const page = await httpGet(this.ports[server], name).catch(() => null);
        if (!page || page.status !== 200 || !page.body.includes('<ul>')) continue;
        const settings = join(this.fleet.roots[server]!, 'sites', name, 'settings.json');
        if (!existsSync(settings)) continue;
        const db = JSON.parse(readFileSync(settings, 'utf8')).db.name as string;
        // Notes 2.0 gives every note a unique slug; 1.0 has none.
        const slugged = (await sql(this.services, `SHOW COLUMNS FROM \`${db}\`.notes LIKE 'slug'`)).length > 0;
        await sql(this.services, slugged
          ? `INSERT INTO \`${db}\`.notes (title, body, slug) VALUES ('round ${round}', 'written after the kill on ${server}', 'round-${round}')`
          : `INSERT INTO \`${db}\`.notes (title, body) VALUES ('round ${round}', 'written after the kill on ${server}')`);
        this.rows.set(name, new Set(await this.dbRows(name, db)));
        this.report.rowsWrittenAfterKills++;
      }
    }
  }

  liveNames(): string[] {
    return [...this.sites.keys()].filter((n) => !this.deleted.has(n));
  }

  async dbRows(_name: string, db: string): Promise<string[]> {
    return (await sql(this.services, `SELECT id, title, body FROM \`${db}\`.notes ORDER BY id`)).map((r) => r.join('|'));
  }

  async breakLock(): Promise<void> {
    const shown = await tide(this.fleet, ['unlock']);
    const id = /tide unlock --force (\S+)/.exec(shown.all ?? '')?.[1];
    if (id) await tide(this.fleet, ['unlock', '--force', id]);
  }

  /** Every check of a recovered fleet; returns what failed. */
  async check(): Promise<string[]> {
    const problems: string[] = [];
    const recordedDbs = new Set<string>();
    for (const name of this.liveNames()) {
      const site = this.recorded(name);
      if (!site) {
        problems.push(`${name} has no record`);
        continue;
      }
      if (site.db) recordedDbs.add(site.db.name);
      const rows = site.db ? await this.dbRows(name, site.db.name) : [];
      const missing = [...(this.rows.get(name) ?? [])].filter((r) => !rows.includes(r));
      if (missing.length) {
        this.report.lostRows += missing.length;
        problems.push(`${name} lost rows in MariaDB (${site.db?.name}): ${missing.join('; ')}`);
      }
      const shown = (body: string) => rows.filter((r) => !body.includes(html(r.split('|').slice(1).join(': '))));
      const page = await pageWhen(this.ports[site.server], name, (p) => p.status === 200 && shown(p.body).length === 0)
        .catch((e: Error) => ({ status: 0, body: e.message }));
      if (page.status !== 200 || shown(page.body).length) problems.push(`${name} on ${site.server} answers ${page.status} without rows: ${shown(page.body).join('; ')}`);
      this.rows.set(name, new Set(rows));
    }
    for (const name of this.deleted) {
      if (this.recorded(name)) problems.push(`${name} is still recorded after its delete`);
      const backups = await tide(this.fleet, ['backups', name, '--json']);
      if (backups.exitCode !== 0 || !(JSON.parse(backups.stdout || '[]') as unknown[]).length) problems.push(`tide backups ${name} lists nothing after its delete`);
    }
    const prefix = siteDatabaseNames(`${this.o.tag}-x`).name.slice(0, -1).replace(/_/g, '\\_');
    const dbs = (await sql(this.services, `SHOW DATABASES LIKE '${prefix}%'`)).map((r) => r[0]!);
    const stray = dbs.filter((d) => !recordedDbs.has(d));
    if (stray.length) problems.push(`copy or leftover databases: ${stray.join(', ')}`);
    const running = operationRecords(this.fleet).filter((r) => r.status === 'running').map((r) => r.id);
    if (running.length) problems.push(`records still running: ${running.join(', ')}`);
    const markers = git(this.fleet.dir, 'ls-tree', '--name-only', 'tide-state', 'state/running/').trim();
    if (markers) problems.push(`running markers left: ${markers}`);
    const leftovers = this.leftovers();
    if (leftovers.length) problems.push(`staging files left: ${leftovers.join(', ')}`);
    const orphans = this.orphans();
    if (orphans.length) problems.push(`orphan processes: ${orphans.join('; ')}`);
    const plan = await tide(this.fleet, ['plan', '--detailed-exitcode']);
    if (plan.exitCode !== 0) problems.push(`the plan is not empty (exit ${plan.exitCode}):\n${plan.all}`);
    return problems;
  }

  /** Staging copies, backups in the making, fetched archives, dumps being loaded, deploy leftovers. */
  leftovers(): string[] {
    const found: string[] = [];
    for (const [server, root] of Object.entries(this.fleet.roots)) {
      for (const f of list(join(root, 'sites'))) if (f.startsWith('.')) found.push(`${server}:sites/${f}`);
      for (const f of list(join(root, 'platforms'))) if (/\.(new|old)-/.test(f)) found.push(`${server}:platforms/${f}`);
      for (const site of list(join(root, 'backups'))) {
        for (const f of list(join(root, 'backups', site))) {
          if (f.startsWith('.') || f.startsWith('incoming-') || f.endsWith('.tmp') || f.includes('.load-')) found.push(`${server}:backups/${site}/${f}`);
        }
      }
    }
    return found;
  }

  /** Processes still working in this fleet's server roots (a command tide started and no longer waits for). */
  orphans(): string[] {
    const roots = Object.values(this.fleet.roots);
    const found: string[] = [];
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        let cwd = '';
        try {
          cwd = readlinkSync(`/proc/${pid}/cwd`);
        } catch {
          // another user's process: its command line is enough
        }
        if (roots.some((r) => cmdline.includes(r) || cwd.startsWith(r))) found.push(`${pid} ${cmdline.slice(0, 120)}`);
      } catch {
        // gone meanwhile
      }
    }
    return found;
  }
}

export async function runCrashCampaign(services: TestServices, o: CampaignOptions): Promise<CampaignReport> {
  const rand = random(o.seed);
  const c = new Campaign(services, o);
  o.log(`crash campaign: seed ${o.seed}, ${o.kills} kills`);
  await c.setUp();
  while (c.report.kills < o.kills) {
    if (c.report.rounds >= ROUNDS_PER_KILL * o.kills) {
      c.report.failure = `${c.report.rounds} rounds for ${c.report.kills} kills (seed ${o.seed}): the commands keep ending before their kill`;
      break;
    }
    const round = ++c.report.rounds;
    // The phase of the next kill: one that ended before its kill runs again.
    const name = PHASES[c.report.kills % PHASES.length]!;
    o.log(`round ${round} (${c.report.kills} kills so far)`);
    const args = await c.prepare(name, round);
    const killed = await c.runAndKill(name, args, rand);
    if (killed) {
      c.report.kills++;
      c.report.byPhase[name]++;
      await c.breakLock();
      await c.writeToLiveSites(round);
    }
    const recovery = await tide(c.fleet, ['apply', '--yes']);
    const problems = recovery.exitCode === 0 ? await c.check() : [`the recovering apply failed (exit ${recovery.exitCode}):\n${recovery.all}`];
    if (problems.length) {
      c.report.failure = `round ${round} (${name}, ${killed ? 'killed' : 'not killed'}, seed ${o.seed}): ${problems.join('\n')}`;
      o.log(c.report.failure);
      break;
    }
    if (killed) c.report.recovered++;
  }
  o.log(`crash campaign: ${JSON.stringify(c.report)}`);
  return c.report;
}
