// Checks that run after every document is valid on its own: names that must
// exist, hostnames that must be unique, quotas that must hold.

import type { DiagnosticCollector, Place } from './diagnostics.js';
import type { DesiredState, DocumentOrigin, KindName, Site } from './kinds.js';
import { didYouMean } from './suggest.js';
import type { PathSegment } from './yaml-positions.js';

export type Origins = Record<KindName, Map<string, DocumentOrigin>>;

/** Whether a name belongs to a document that failed validation (so is not "unknown"). */
export type IsInvalid = (kind: KindName, name: string) => boolean;

export function checkReferences(desired: DesiredState, origins: Origins, problems: DiagnosticCollector, isInvalid: IsInvalid): void {
  const at = (kind: KindName, name: string, path: PathSegment[]): Place => ({ ...origins[kind].get(name)!, path });

  for (const platform of desired.platforms.values()) {
    platform.servers.forEach((server, i) => {
      if (!desired.servers.has(server) && !isInvalid('Server', server)) {
        problems.at(at('Platform', platform.name, ['servers', i]), 'UNKNOWN_SERVER',
          `Platform ${platform.name}: unknown server '${server}'${didYouMean(server, desired.servers.keys())}`);
      }
    });
  }

  const live = [...desired.sites.values()].filter((s) => s.status !== 'deleted');
  for (const site of desired.sites.values()) {
    const platform = desired.platforms.get(site.platform);
    if (!platform) {
      if (!isInvalid('Platform', site.platform)) problems.at(at('Site', site.name, ['platform']), 'UNKNOWN_PLATFORM',
        `Site ${site.name}: unknown platform '${site.platform}'${didYouMean(site.platform, desired.platforms.keys())}`);
    } else if (site.server !== undefined && !platform.servers.includes(site.server)) {
      problems.at(at('Site', site.name, ['server']), 'SERVER_NOT_ON_PLATFORM',
        `Site ${site.name}: server '${site.server}' does not carry platform ${platform.name} (it runs on ${platform.servers.join(', ')})`);
    }
    if (site.client !== undefined && !desired.clients.has(site.client) && !isInvalid('Client', site.client)) {
      problems.at(at('Site', site.name, ['client']), 'UNKNOWN_CLIENT',
        `Site ${site.name}: unknown client '${site.client}'${didYouMean(site.client, desired.clients.keys())}`);
    }
    if (site.cloneFrom !== undefined && !isInvalid('Site', site.cloneFrom)) checkCloneSource(site, desired, at, problems);
  }

  checkHostnames(live, at, problems);
  checkQuotas(desired, live, at, problems);
  checkVarNames(desired, at, problems);
}

/** A var's environment name (drivers/facts.ts): names that differ only in case collide there. */
const varEnvName = (name: string) => `TIDE_VAR_${name.toUpperCase()}`;

/**
 * Var names are unique as environment names: within a Platform's or a Site's
 * vars, and between a site's and its platform's defaults (a site overrides a
 * default by writing the same name).
 */
function checkVarNames(
  desired: DesiredState,
  at: (kind: KindName, name: string, path: PathSegment[]) => Place,
  problems: DiagnosticCollector,
): void {
  const collisions = (kind: KindName, doc: string, vars: Record<string, string> | undefined) => {
    const seen = new Map<string, string>();
    for (const name of Object.keys(vars ?? {})) {
      const first = seen.get(varEnvName(name));
      if (first === undefined) seen.set(varEnvName(name), name);
      else problems.at(at(kind, doc, ['vars', name]), 'VAR_NAME_COLLISION',
        `${kind} ${doc}: vars ${first} and ${name} are both ${varEnvName(name)} for commands; keep one of them`);
    }
  };
  for (const platform of desired.platforms.values()) collisions('Platform', platform.name, platform.vars);
  for (const site of desired.sites.values()) {
    if (site.vars === undefined) continue; // nothing to collide, and most sites have no vars
    collisions('Site', site.name, site.vars);
    const defaults = Object.keys(desired.platforms.get(site.platform)?.vars ?? {});
    for (const name of Object.keys(site.vars ?? {})) {
      const other = defaults.find((n) => varEnvName(n) === varEnvName(name));
      if (other !== undefined && !defaults.includes(name)) {
        problems.at(at('Site', site.name, ['vars', name]), 'VAR_NAME_COLLISION',
          `Site ${site.name}: var ${name} and platform ${site.platform}'s var ${other} are both ${varEnvName(name)} for commands; ` +
            `write it as ${other} to override the platform's value`);
      }
    }
  }
}

function checkCloneSource(
  site: Site,
  desired: DesiredState,
  at: (kind: KindName, name: string, path: PathSegment[]) => Place,
  problems: DiagnosticCollector,
): void {
  const source = desired.sites.get(site.cloneFrom!);
  const place = at('Site', site.name, ['cloneFrom']);
  if (site.cloneFrom === site.name) {
    problems.at(place, 'CLONE_OF_SELF', `Site ${site.name}: cannot be cloned from itself`);
  } else if (!source) {
    problems.at(place, 'UNKNOWN_CLONE_SOURCE',
      `Site ${site.name}: cloneFrom names unknown site '${site.cloneFrom}'${didYouMean(site.cloneFrom!, desired.sites.keys())}`);
  } else if (source.status === 'deleted') {
    problems.at(place, 'CLONE_OF_DELETED', `Site ${site.name}: cannot be cloned from ${source.name}, which is being deleted`);
  }
}

/** Every hostname (url or alias) is served by exactly one site. */
function checkHostnames(
  live: Site[],
  at: (kind: KindName, name: string, path: PathSegment[]) => Place,
  problems: DiagnosticCollector,
): void {
  // Where each hostname was first seen: its site and which of its names (-1 the url, else the alias's index), so
  // that ten thousand sites cost one small record per hostname and paths are made only for a problem.
  const owners = new Map<string, { site: string; index: number }>();
  const pathOf = (index: number): PathSegment[] => (index < 0 ? ['url'] : ['aliases', index]);
  const claim = (site: Site, host: string, index: number): void => {
    const owner = owners.get(host);
    if (!owner) {
      owners.set(host, { site: site.name, index });
    } else if (owner.site === site.name) {
      problems.at(at('Site', site.name, pathOf(index)), 'HOSTNAME_REPEATED', `Site ${site.name}: ${host} is both its url and an alias`);
    } else {
      problems.at(at('Site', site.name, pathOf(index)), 'HOSTNAME_TAKEN', `Site ${site.name}: ${host} is already served by site ${owner.site}`,
        { place: at('Site', owner.site, pathOf(owner.index)), label: 'claimed' });
    }
  };
  for (const site of live) {
    claim(site, site.url, -1);
    for (let i = 0; i < site.aliases.length; i++) claim(site, site.aliases[i]!, i);
  }
}

function checkQuotas(
  desired: DesiredState,
  live: Site[],
  at: (kind: KindName, name: string, path: PathSegment[]) => Place,
  problems: DiagnosticCollector,
): void {
  const owned = new Map<string, number>();
  for (const site of live) if (site.client) owned.set(site.client, (owned.get(site.client) ?? 0) + 1);
  for (const client of desired.clients.values()) {
    const quota = client.quota?.sites;
    const count = owned.get(client.name) ?? 0;
    if (quota !== undefined && count > quota) {
      problems.at(at('Client', client.name, ['quota', 'sites']), 'QUOTA_EXCEEDED',
        `Client ${client.name}: owns ${sites(count)}, over its quota of ${quota}; raise the quota or move ${sites(count - quota)} to another client`);
    }
  }
}

function sites(n: number): string {
  return n === 1 ? '1 site' : `${n} sites`;
}
