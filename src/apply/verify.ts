// `tide verify`: the only way observed reality flows back into recorded
// state. Looks at every recorded server, platform and site (read-only), then
// commits what it saw in one commit: server facts, and the drift of each
// platform and site (a drifted site gets a repairing verify in the next plan).
// A server of the fleet that was never applied is looked at too (is it
// prepared for tide?), but nothing is recorded for it. When nothing drifted
// and nothing changed, it commits nothing.

import { randomBytes } from 'node:crypto';
import { loadDesired } from '../fleet/context.js';
import type { DesiredState, Server } from '../model/kinds.js';
import { readSecret } from '../secrets.js';
import { platformStatePath, serverStatePath, siteStatePath, OPERATIONS_DIR, stateJson as json } from '../state/layout.js';
import type { RecordedServer, RecordedState } from '../state/types.js';
import type { StateWriter } from '../state/writer.js';
import type { TransportPool } from '../transport/pool.js';
import { checkFilterNames } from './filter.js';
import { observePlatform, observeServer, observeSite } from './observe.js';
import { withSession } from './session.js';

export interface Finding {
  kind: 'server' | 'platform' | 'site';
  name: string;
  server: string;
  drift: string[];
}

export interface VerifyReport {
  checked: { servers: number; platforms: number; sites: number };
  findings: Finding[];
  /** Recorded objects tide could not look at (server not in the fleet, or unreachable). */
  notChecked: string[];
  stateCommit: string | null;
  branch: string;
}

export async function verifyFleet(options: { repo?: string; cwd: string; env: NodeJS.ProcessEnv; servers: string[] }): Promise<VerifyReport> {
  const { repoDir, desired } = await loadDesired(options.repo, undefined, options.cwd);
  const branch = desired.fleet.state.branch;
  return withSession({ repoDir, desired, command: 'tide verify', env: options.env, cwd: options.cwd }, async ({ writer, recorded, pool }) => {
    checkFilterNames({ targets: [], servers: options.servers }, { server: [...desired.servers.keys(), ...recorded.servers.keys()], platform: [], site: [] });
    const { report, record } = await observeFleet({ ...options, desired, recorded, writer, pool });
    const stateCommit = record ? await writer.commit(record) : null;
    return { ...report, stateCommit, branch };
  });
}

export interface ObserveOptions {
  desired: DesiredState;
  recorded: RecordedState;
  /** Reads the state as committed (to tell whether anything changed); nothing is written through it here. */
  writer: Pick<StateWriter, 'readFile'>;
  pool: TransportPool;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Only these servers (and what they hold); [] for all. */
  servers: string[];
  /** The clock records are stamped with (the daemon's scheduler passes its own). */
  now?: () => Date;
}

export interface FleetObservation {
  report: Omit<VerifyReport, 'stateCommit' | 'branch'>;
  /** What to commit, or null when nothing drifted and nothing changed since the last record. */
  record: { files: Record<string, string | null>; message: string } | null;
}

/**
 * Looks at the recorded servers, platforms and sites (read-only) and says
 * what to record; the caller holds the state lock and commits (the daemon
 * commits a scheduled verify together with the rest of its tick).
 */
export async function observeFleet(options: ObserveOptions): Promise<FleetObservation> {
  const { desired, recorded, pool } = options;
  const now = options.now ?? (() => new Date());
  const started = now();
  const report: FleetObservation['report'] = { checked: { servers: 0, platforms: 0, sites: 0 }, findings: [], notChecked: [] };
  const files: Record<string, string | null> = {};
  /** Each checked server's record with what was seen, verifiedAt not yet refreshed. */
  const observedServers = new Map<string, RecordedServer>();
  const wanted = (name: string) => options.servers.length === 0 || options.servers.includes(name);

  await Promise.all([...recorded.servers.values()].filter((s) => wanted(s.name)).map(async (record) => {
    const server = desired.servers.get(record.name);
    if (!server) return void report.notChecked.push(`server ${record.name}: no longer in the fleet, so tide cannot reach it`);
    const transport = pool.get(server);
    const password = once(() => adminPassword(server, options.env, options.cwd));
    const seen = await observeServer(transport, server, desired, password);
    report.checked.servers++;
    observedServers.set(server.name, { ...record, reachable: seen.reachable, versions: { ...record.versions, ...seen.versions } });
    if (seen.drift.length) report.findings.push({ kind: 'server', name: server.name, server: server.name, drift: seen.drift });
    if (!seen.reachable) return void report.notChecked.push(`platforms and sites on ${server.name}: the server is unreachable`);

    for (const platform of recorded.platforms.values()) {
      if (!platform.deployments[server.name]) continue;
      const drift = await observePlatform(transport, server, platform);
      report.checked.platforms++;
      if (drift.length) report.findings.push({ kind: 'platform', name: platform.name, server: server.name, drift });
    }
    const sites = [...recorded.sites.values()].filter((s) => s.server === server.name);
    await inBatches(sites, desired.fleet.concurrency.perServer, async (site) => {
      const drift = await observeSite(transport, server, desired, site, password);
      report.checked.sites++;
      if (drift.length) report.findings.push({ kind: 'site', name: site.name, server: server.name, drift });
      const { drift: _before, ...rest } = site;
      if (drift.length || site.drift) files[siteStatePath(site.name)] = json(drift.length ? { ...rest, drift } : rest);
    });
  }));
  const fresh = [...desired.servers.values()].filter((s) => !recorded.servers.has(s.name) && wanted(s.name));
  await Promise.all(fresh.map(async (server) => {
    const seen = await observeServer(pool.get(server), server, desired, once(() => adminPassword(server, options.env, options.cwd)));
    report.checked.servers++;
    if (seen.drift.length) report.findings.push({ kind: 'server', name: server.name, server: server.name, drift: seen.drift });
  }));
  // Platform drift is per server; the record keeps every server's findings
  // (those of servers not checked this time stay as they were).
  for (const platform of recorded.platforms.values()) {
    const checked = Object.keys(platform.deployments).filter((name) => observedServers.has(name) && observedServers.get(name)!.reachable !== false);
    const kept = (platform.drift ?? []).filter((d) => !checked.some((name) => d.startsWith(`${name}: `)));
    const found = report.findings.filter((f) => f.kind === 'platform' && f.name === platform.name).flatMap((f) => f.drift.map((d) => `${f.server}: ${d}`));
    const drift = [...kept, ...found];
    const { drift: _before, ...rest } = platform;
    if (drift.length || platform.drift) files[platformStatePath(platform.name)] = json(drift.length ? { ...rest, drift } : rest);
  }

  // Nothing drifted and nothing changed since the last record: no commit (a
  // scheduled verify would otherwise add one per run that says nothing).
  if (report.findings.length === 0 && !(await changesAnything(options.writer, files, observedServers))) return { report, record: null };
  const verifiedAt = now().toISOString();
  for (const [name, observed] of observedServers) files[serverStatePath(name)] = json({ ...observed, verifiedAt });

  report.findings.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || a.server.localeCompare(b.server));
  const id = `${started.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}-verify-fleet`;
  files[`${OPERATIONS_DIR}/${started.toISOString().slice(0, 7)}/${id}.json`] = json({
    formatVersion: 1, id, action: 'verify-fleet', status: 'ok', startedAt: started.toISOString(), finishedAt: now().toISOString(),
    desiredCommit: desired.commit, checked: report.checked, findings: report.findings, notChecked: report.notChecked,
  });
  const drifted = report.findings.length;
  const { servers, platforms, sites } = report.checked;
  const subject = `verify: ${servers} servers, ${platforms} platform deployments, ${sites} sites checked; ${drifted === 0 ? 'no drift' : `${drifted} drifted`}`;
  const body = report.findings.map((f) => `- ${f.kind} ${f.name} on ${f.server}: ${f.drift.join('; ')}`);
  return { report, record: { files, message: body.length ? `${subject}\n\n${body.join('\n')}\n` : `${subject}\n` } };
}

/** Whether writing these files (and these server records, as observed) would change the state branch. */
async function changesAnything(writer: Pick<StateWriter, 'readFile'>, files: Record<string, string | null>, servers: Map<string, RecordedServer>): Promise<boolean> {
  const texts = { ...files };
  for (const [name, observed] of servers) texts[serverStatePath(name)] = json(observed);
  for (const [path, text] of Object.entries(texts)) if ((await writer.readFile(path)) !== text) return true;
  return false;
}

function adminPassword(server: Server, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const ref = server.services.db.adminPassword;
  return ref ? readSecret(ref, env, cwd) : undefined;
}

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await each(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
}
