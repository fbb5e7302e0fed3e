// What the fleet schedules, as recorded: each enabled site's cron at its
// `cron` interval, each site's backups at `backups.every`, and each server's
// verify (with its platforms and sites) at the Fleet's `verify.every`. The
// recorded spec is what is live on the servers, so it is what is scheduled;
// a site the fleet names but tide has not installed has nothing to run.

import type { DesiredState } from '../../model/kinds.js';
import type { RecordedState } from '../../state/types.js';
import { intervalMs, type Schedule } from './slots.js';

export type JobKind = 'cron' | 'backup' | 'verify';

export interface Job extends Schedule {
  kind: JobKind;
  /** The site (cron, backup) or server (verify) it works on. */
  target: string;
  /** The server it runs on. */
  server: string;
}

export const jobKey = (kind: JobKind, target: string): string => `${kind} ${kind === 'verify' ? 'server' : 'site'} ${target}`;

function job(kind: JobKind, target: string, server: string, every: string): Job {
  return { kind, target, server, key: jobKey(kind, target), interval: intervalMs(every) };
}

export function scheduledJobs(desired: DesiredState, recorded: RecordedState): Job[] {
  const jobs: Job[] = [];
  for (const site of recorded.sites.values()) {
    // A server or platform gone from the fleet cannot be reached or run: the plan reports it.
    if (!desired.servers.has(site.server) || !desired.platforms.has(site.platform)) continue;
    // A disabled site's cron does not run (schema: status); its data is still backed up.
    if (site.cron && site.status === 'enabled') jobs.push(job('cron', site.name, site.server, site.cron));
    if (site.backupPolicy) jobs.push(job('backup', site.name, site.server, site.backupPolicy.every));
  }
  const verify = desired.fleet.verify;
  if (verify) {
    for (const server of recorded.servers.values()) {
      if (desired.servers.has(server.name)) jobs.push(job('verify', server.name, server.name, verify.every));
    }
  }
  return jobs;
}
