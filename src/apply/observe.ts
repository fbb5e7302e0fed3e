// What `tide verify` looks at on each server, read-only: is the server there
// and are its services answering; is each platform's code what was deployed;
// does each site still have its directory, settings, vhost and database.

import type { DesiredState, Server } from '../model/kinds.js';
import { dbServiceType } from '../services/db/index.js';
import { httpVersion } from '../services/http/version.js';
import { DIGEST_COMMAND } from '../operations/platform/digest.js';
import { renderSiteVhost, vhostModeFor, siteResources } from '../operations/site/resources.js';
import { platformDir } from '../operations/paths.js';
import type { RecordedPlatform, RecordedSite } from '../state/types.js';
import { shellQuote as q, type Transport } from '../transport/types.js';
import { redactor } from '../redact.js';

export interface ServerObservation {
  reachable: boolean;
  versions: Record<string, string>;
  drift: string[];
}

export async function observeServer(t: Transport, server: Server, adminPassword: () => string | undefined): Promise<ServerObservation> {
  const versions: Record<string, string> = {};
  const drift: string[] = [];
  try {
    versions.os = (await t.exec('uname -sr')).stdout.trim();
  } catch (error) {
    return { reachable: false, versions, drift: [`unreachable: ${redactor.redact((error as Error).message.split('\n')[0]!)}`] };
  }
  const { http, db } = server.services;
  if (http.type !== 'none') {
    const test = await t.exec(http.check);
    if (test.exitCode !== 0) drift.push(`${http.type} config test fails: ${test.stderr.trim().split('\n').pop()}`);
    else versions[http.type] = (await httpVersion(t, http)) ?? 'config test ok';
  }
  if (db.type !== 'none') {
    try {
      versions[db.type] = await dbServiceType(db.type).version(t, { config: db, password: adminPassword() });
    } catch (error) {
      drift.push(`${db.type} does not answer: ${redactor.redact((error as Error).message.split('\n')[0]!)}`);
    }
  }
  return { reachable: true, versions, drift };
}

export async function observePlatform(t: Transport, server: Server, platform: RecordedPlatform): Promise<string[]> {
  const deployed = platform.deployments[server.name];
  if (!deployed) return [];
  const dir = deployed.path ?? platformDir(server, platform.name);
  const found = await t.exec(`test -d ${q(dir)} && cd ${q(dir)} && ${DIGEST_COMMAND}`);
  if (found.exitCode !== 0) return [`code directory ${dir} is missing`];
  const digest = found.stdout.trim();
  return deployed.digest && digest !== deployed.digest ? [`code in ${dir} changed since it was deployed`] : [];
}

export async function observeSite(t: Transport, server: Server, desired: DesiredState, site: RecordedSite, adminPassword: () => string | undefined): Promise<string[]> {
  const drift: string[] = [];
  const r = siteResources({ desired, server, dbAdminPassword: adminPassword }, site.name, site);
  const files = await t.exec(`test -d ${q(r.dir)} && echo dir; test -f ${q(r.settingsPath)} && stat -c %a ${q(r.settingsPath)}`);
  const lines = files.stdout.trim().split('\n');
  if (!lines.includes('dir')) drift.push(`site directory ${r.dir} is missing`);
  else if (lines.length < 2) drift.push(`settings file ${r.settingsPath} is missing`);
  else if (lines[1] !== '640') drift.push(`settings file mode is ${lines[1]}, not 640`);
  if (r.http) {
    const vhost = await t.readFile(r.http.path);
    if (!vhost) drift.push(`vhost ${r.http.path} is missing`);
    else if (vhost.toString('utf8') !== renderSiteVhost(r, vhostModeFor(site.status))) drift.push(`vhost ${r.http.path} differs from what tide wrote`);
  }
  if (r.db && !(await r.db.type.exists(t, r.db.admin, r.db.name))) drift.push(`database ${r.db.name} is missing`);
  return drift;
}
