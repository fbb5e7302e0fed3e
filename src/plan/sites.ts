// Site operations. A site's changes become a chain, each step waiting for the
// one before: migrate → rename → verify → disable/enable. Config changes ride
// along with the first structural step (migrate or rename rewrite the site's
// config anyway); on their own they make a verify.

import type { DesiredState, Site } from '../model/kinds.js';
import { phpIsolation, platformSpec, PLATFORM_CODE_FIELDS, siteSpec, SITE_FIELD_LABELS, type SiteSpec } from '../state/spec.js';
import type { DeletedSite, Package, RecordedSite, RecordedState } from '../state/types.js';
import type { PlanBuilder } from './builder.js';
import { checkCompatibility, indexPackages, type PackageIndex } from '../operations/package-compatibility.js';
import { diffFields, initialFields } from './diff.js';
import { warnMixedIsolation } from './isolation.js';
import { placeSite } from './placement.js';
import { siteRemovals } from './removals.js';
import { sorted } from './servers.js';
import type { Blocker, FieldChange, Operation } from '../model/plan.js';

/** Where a site is and where it is going; read by the platform and dependency passes. */
export interface SiteMove {
  site: string;
  from?: { platform: string; server: string };
  to?: { platform: string; server: string };
  /** Its operations in the order they run. */
  chain: Operation[];
  /** True when the plan deletes it. */
  deleted: boolean;
}

const CONFIG_FIELDS: (keyof SiteSpec)[] = ['aliases', 'redirectAliases', 'https', 'client', 'profile', 'cron', 'backupPolicy', 'vars', 'phpIsolation'];

export function planSites(desired: DesiredState, recorded: RecordedState, plan: PlanBuilder): Map<string, SiteMove> {
  const moves = new Map<string, SiteMove>();
  const inventories = new Inventories(desired, recorded);
  const names = sorted(new Set([...desired.sites.keys(), ...recorded.sites.keys()]));
  for (const name of names) {
    const move = planSite(desired, desired.sites.get(name), recorded.sites.get(name), plan, name, inventories, recorded.deletedSites.get(name));
    if (move) moves.set(name, move);
  }
  checkClones(desired, recorded, moves, inventories);
  warnMixedIsolation(desired, recorded, moves);
  return moves;
}

function planSite(
  desired: DesiredState, site: Site | undefined, before: RecordedSite | undefined, plan: PlanBuilder, name: string, inventories: Inventories,
  gone?: DeletedSite,
): SiteMove | undefined {
  const target = { kind: 'site' as const, name };
  const from = before ? { platform: before.platform, server: before.server } : undefined;

  if (!site || site.status === 'deleted') {
    if (!before) return undefined; // deleted before it was ever created: nothing to do
    if (!site && !desired.fleet.prune) {
      plan.orphan({ target, server: before.server, reason: 'its file was removed and prune is off, so tide leaves it alone (set status: deleted to delete it)' });
      return { site: name, from, chain: [], deleted: false };
    }
    const why = site ? 'status is deleted' : 'its file was removed and prune is on';
    const op = plan.add({ action: 'delete', target, server: before.server, destructive: true,
      reason: `${why}: back up, then remove its database, files and vhost`, ...siteRemovals(desired, before) });
    return { site: name, from, chain: [op], deleted: true };
  }

  const server = chooseServer(desired, site, before);
  const platform = desired.platforms.get(site.platform);
  const spec = siteSpec(site, server, platform?.vars, phpIsolation(desired.servers.get(server), platform));
  const to = { platform: site.platform, server };

  if (!before) {
    const action = site.cloneFrom ? 'clone' : 'install';
    const how = site.cloneFrom ? `new site cloned from ${site.cloneFrom}` : `new site on platform ${site.platform}`;
    // A site deleted before comes back empty unless restored from one of its backups instead.
    const warnings = gone ? [`${name} was deleted on ${gone.deletedAt.slice(0, 10)}; to bring its data back instead of a fresh ${action}, run tide restore ${name} --backup ID first (tide backups ${name} lists ${gone.backups.length})`] : [];
    const op = plan.add({ action, target, server, reason: site.status === 'disabled' ? `${how}, installed disabled` : how, warnings,
      changes: initialFields(spec, SITE_FIELD_LABELS, { status: 'enabled', profile: 'standard' }) });
    return { site: name, to, chain: [op], deleted: false };
  }

  const chain: Operation[] = [];
  const pending: FieldChange[] = diffFields(before, spec, CONFIG_FIELDS, SITE_FIELD_LABELS);
  const warnings = pending.some((c) => c.field === 'profile')
    ? ['profile is used only when a site is installed; this site keeps the profile it was installed with'] : [];
  const step = (op: Operation): void => {
    const last = chain.at(-1);
    if (last) plan.dependOn(op, last.id);
    chain.push(op);
  };
  const takePending = (): FieldChange[] => pending.splice(0, pending.length);

  if (before.platform !== spec.platform || before.server !== spec.server) {
    // Same platform on another server: same code, so nothing to check.
    const compat = before.platform !== spec.platform
      ? inventories.check('migrate', { name, packages: before.packages }, spec.platform)
      : { blockers: [], warnings: [] };
    // The old copy goes once the site runs from the new one.
    const old = siteRemovals(desired, before, { directory: before.server !== spec.server });
    step(plan.add({ action: 'migrate', target, server, destructive: true, removes: old.removes,
      warnings: [...warnings, ...compat.warnings], blockers: [...old.blockers, ...compat.blockers],
      reason: migrateReason(site, before, server),
      changes: [...diffFields(before, spec, ['platform', 'server']), ...takePending()] }));
  }
  if (before.url !== spec.url) {
    step(plan.add({ action: 'rename', target, server, warnings: chain.length ? [] : warnings,
      reason: `url ${before.url} → ${spec.url}`,
      changes: [{ field: 'url', from: before.url, to: spec.url }, ...takePending()] }));
  }
  const drift = before.drift ?? [];
  if (pending.length > 0 || (drift.length > 0 && chain.length === 0)) {
    const why = [
      ...(pending.length > 0 ? [`changed: ${pending.map((c) => c.field).join(', ')}`] : []),
      ...(drift.length > 0 ? [`tide verify found drift (${drift.join('; ')})`] : []),
    ];
    step(plan.add({ action: 'verify', target, server, warnings, reason: `${why.join('; ')}; rewrite its config`,
      repair: pending.length === 0, changes: takePending() }));
  }
  if (before.status !== spec.status) {
    const action = spec.status === 'disabled' ? 'disable' : 'enable';
    step(plan.add({ action, target, server,
      reason: action === 'disable' ? 'status enabled → disabled: serve the "site disabled" page' : 'status disabled → enabled: serve the site again',
      changes: [{ field: 'status', from: before.status, to: spec.status }] }));
  }
  return { site: name, from, to, chain, deleted: false };
}

/** A pin wins; otherwise a site stays where it is while its platform is still there. */
function chooseServer(desired: DesiredState, site: Site, before: RecordedSite | undefined): string {
  if (site.server) return site.server;
  const servers = desired.platforms.get(site.platform)!.servers;
  if (before && servers.includes(before.server)) return before.server;
  return placeSite(site.name, servers);
}

function migrateReason(site: Site, before: RecordedSite, server: string): string {
  if (before.platform !== site.platform) {
    return `platform ${before.platform} → ${site.platform}${before.server !== server ? ` (server ${before.server} → ${server})` : ''}: backup, compatibility check, update, switch`;
  }
  const why = site.server ? 'pinned to' : `platform ${site.platform} no longer runs on ${before.server}; moving to`;
  return `${why} server ${server}: backup, copy, switch`;
}

/**
 * A clone copies its source's database onto the clone's platform: the same
 * check as a migrate, with the source site's packages. Run once every site is
 * planned, since the source may sort after the clone.
 */
function checkClones(desired: DesiredState, recorded: RecordedState, moves: Map<string, SiteMove>, inventories: Inventories): void {
  for (const move of moves.values()) {
    const op = move.chain[0];
    if (op?.action !== 'clone' || !move.to) continue;
    const source = desired.sites.get(move.site)?.cloneFrom;
    if (!source) continue;
    const from = moves.get(source);
    // A source that changes platform first reaches the clone with other schemas than recorded.
    const changing = from?.from !== undefined && from.to !== undefined && from.from.platform !== from.to.platform && !from.deleted
      ? `site ${source} migrates to platform ${from.to.platform} first in this plan` : undefined;
    const compat = inventories.check('clone', { name: source, packages: recorded.sites.get(source)?.packages, stale: changing }, move.to.platform);
    op.blockers.push(...compat.blockers);
    op.warnings.push(...compat.warnings);
  }
}

/**
 * The recorded package inventories the plan checks against, each platform's
 * indexed once by package name however many sites move to it.
 */
class Inventories {
  private readonly platforms = new Map<string, PackageIndex | string>();

  constructor(private readonly desired: DesiredState, private readonly recorded: RecordedState) {}

  check(
    action: 'migrate' | 'clone',
    site: { name: string; packages: readonly Package[] | undefined; stale?: string },
    platform: string,
  ): { blockers: Blocker[]; warnings: string[] } {
    // Static sites and script apps without a packages command have no packages: nothing to check or to warn about.
    if (!this.listsPackages(platform)) return { blockers: [], warnings: [] };
    const target = this.platform(platform);
    const missing = [
      site.stale ?? (Array.isArray(site.packages) ? undefined : `site ${site.name} has no package inventory yet`),
      typeof target === 'string' ? target : undefined,
    ].filter((m): m is string => m !== undefined);
    if (missing.length > 0) return { blockers: [], warnings: [`compatibility is checked when the ${action} runs: ${missing.join('; ')}`] };
    const result = checkCompatibility(site.packages!, target as PackageIndex, platform);
    return { blockers: result.blockers.map((message) => ({ code: 'package-incompatible', message })), warnings: result.warnings };
  }

  /** Whether the platform's driver can list packages at all (drupal; script with a packages command). */
  private listsPackages(name: string): boolean {
    const platform = this.desired.platforms.get(name);
    return platform?.driver === 'drupal' || (platform?.driver === 'script' && Boolean(platform.commands.packages));
  }

  /** The platform's recorded packages by name, or why there are none to trust. */
  private platform(name: string): PackageIndex | string {
    let found = this.platforms.get(name);
    if (found === undefined) {
      const before = this.recorded.platforms.get(name);
      const desired = this.desired.platforms.get(name);
      if (!before || !Array.isArray(before.packages)) found = `platform ${name} has no package inventory yet`;
      else if (desired && diffFields(before, platformSpec(desired, this.desired.sourceTrees?.get(name)), PLATFORM_CODE_FIELDS).some((c) => c.field !== 'sourceTree' || before.sourceTree)) {
        found = `platform ${name} gets new code in this plan, so its recorded packages are out of date`;
      } else found = indexPackages(before.packages);
      this.platforms.set(name, found);
    }
    return found;
  }
}
