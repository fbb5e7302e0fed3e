// What `tide verify` looks at on each server, read-only: is the server there
// and are its services answering; is each platform's code what was deployed;
// does each site still have its directory, settings, vhost and database.

import type { DesiredState, Server } from '../model/kinds.js';
import { dbServiceType } from '../services/db/index.js';
import { httpCommand } from '../services/http/commands.js';
import { httpVersion } from '../services/http/version.js';
import { DIGEST_COMMAND } from '../operations/platform/digest.js';
import { recordedIsolation, renderSiteVhost, vhostModeFor, siteResources } from '../operations/site/resources.js';
import { serverPreconditions } from '../operations/server/preconditions.js';
import { sitePermissionsDrift, sitePermissionsProbe } from '../operations/site/permissions.js';
import { platformCodeDir } from '../operations/targets.js';
import type { RecordedPlatform, RecordedSite } from '../state/types.js';
import { PERL_VERSION_COMMAND } from '../transport/shell-loops.js';
import { shellQuote as q, type Transport } from '../transport/types.js';
import { redactor } from '../redact.js';

export interface ServerObservation {
  reachable: boolean;
  versions: Record<string, string>;
  drift: string[];
}

export async function observeServer(t: Transport, server: Server, desired: DesiredState, adminPassword: () => string | undefined): Promise<ServerObservation> {
  const versions: Record<string, string> = {};
  const drift: string[] = [];
  try {
    [versions.os = '', versions.perl = ''] = (await t.exec(`uname -sr; ${PERL_VERSION_COMMAND}`)).stdout.trim().split('\n');
  } catch (error) {
    return { reachable: false, versions, drift: [`unreachable: ${redactor.redact((error as Error).message.split('\n')[0]!)}`] };
  }
  for (const precondition of serverPreconditions(t, server, desired)) {
    const missing = await precondition.check();
    if (missing) drift.push(`${missing.problem} Fix: ${missing.fix}`);
  }
  const { http, db } = server.services;
  if (http.type !== 'none') {
    const test = await t.exec(httpCommand(http, 'check'));
    if (test.exitCode !== 0) drift.push(`${http.type} config test fails: ${test.stderr.trim().split('\n').pop()}`);
    else versions[http.type] = (await httpVersion(t, http)) ?? 'config test ok';
  }
  if (db.type !== 'none') {
    try {
      versions[db.type] = await dbServiceType(db.type).version(t, { config: db, password: adminPassword() });
    } catch (error) {
      drift.push(`${db.type} does not answer to ${db.adminUser} at ${db.host}:${db.port}: ${redactor.redact((error as Error).message.split('\n')[0]!)} ` +
        'Fix: check that the database server runs and that services.db.adminUser and adminPassword are right (the account must be allowed from this server).');
    }
  }
  return { reachable: true, versions, drift };
}

export async function observePlatform(t: Transport, server: Server, platform: RecordedPlatform): Promise<string[]> {
  const deployed = platform.deployments[server.name];
  if (!deployed) return [];
  const dir = platformCodeDir(server, platform.name, platform);
  const found = await t.exec(`test -d ${q(dir)} && cd ${q(dir)} && ${DIGEST_COMMAND}`);
  if (found.exitCode !== 0) return [`code directory ${dir} is missing`];
  const digest = found.stdout.trim();
  return deployed.digest && digest !== deployed.digest ? [`code in ${dir} changed since it was deployed`] : [];
}

export async function observeSite(t: Transport, server: Server, desired: DesiredState, site: RecordedSite, adminPassword: () => string | undefined): Promise<string[]> {
  const drift: string[] = [];
  const r = siteResources({ desired, server, dbAdminPassword: adminPassword }, site.name, site, { isolation: recordedIsolation(site) });
  const pool = r.pool ? `{ test -S ${q(r.pool.socket)} && echo pool || echo no; }` : 'echo pool';
  const files = await t.exec(`${pool}; { test -d ${q(r.dir)} && echo dir || echo no; }; { test -f ${q(r.settingsPath)} && echo settings || echo no; }; ${sitePermissionsProbe(r.dir)}`);
  const [socket, dir, settings, ...modes] = files.stdout.trim().split('\n');
  if (socket !== 'pool') drift.push(`the socket of its php-fpm pool ${r.pool?.socket} is missing`);
  if (dir !== 'dir') drift.push(`site directory ${r.dir} is missing`);
  else {
    if (settings !== 'settings') drift.push(`settings file ${r.settingsPath} is missing`);
    drift.push(...sitePermissionsDrift(modes.join('\n'), r.group));
  }
  if (r.http) {
    const vhost = await t.readFile(r.http.path);
    if (!vhost) drift.push(`vhost ${r.http.path} is missing`);
    else if (vhost.toString('utf8') !== renderSiteVhost(r, vhostModeFor(site.status))) drift.push(`vhost ${r.http.path} differs from what tide wrote`);
  }
  if (r.db && !(await r.db.type.exists(t, r.db.admin, r.db.name))) drift.push(`database ${r.db.name} is missing`);
  return drift;
}
