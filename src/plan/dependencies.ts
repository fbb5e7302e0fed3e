// Wires the waits between operations of different targets:
//   server verify → everything on that server
//   platform deploy on a server → sites installed, cloned or migrated onto it
//   clone source's operations → the clone
//   the site releasing a hostname → the site taking it over

import type { DesiredState, Site } from '../model/kinds.js';
import type { RecordedSite, RecordedState } from '../state/types.js';
import { operationId, type PlanBuilder } from './builder.js';
import type { SiteMove } from './sites.js';
import type { Operation } from '../model/plan.js';

export function wireDependencies(desired: DesiredState, recorded: RecordedState, moves: Map<string, SiteMove>, plan: PlanBuilder): void {
  for (const op of plan.operations.values()) {
    plan.dependOn(op, operationId('server', op.server, 'verify'));
  }
  for (const move of moves.values()) {
    const first = move.chain[0];
    if (!first || !move.to) continue;
    if (first.action === 'install' || first.action === 'clone' || first.action === 'migrate') {
      plan.dependOn(first, operationId('platform', move.to.platform, 'deploy', move.to.server));
    }
    const cloneFrom = first.action === 'clone' ? desired.sites.get(move.site)?.cloneFrom : undefined;
    if (cloneFrom) plan.dependOn(first, moves.get(cloneFrom)?.chain.at(-1)?.id);
  }
  wireHostnameHandovers(desired, recorded, moves, plan);
}

/**
 * A hostname another site served until now can be taken only after that site
 * lets go of it (deleted, renamed, alias dropped). A site that keeps serving
 * it (an orphan left alone) blocks the taker.
 */
function wireHostnameHandovers(desired: DesiredState, recorded: RecordedState, moves: Map<string, SiteMove>, plan: PlanBuilder): void {
  // The sites this plan changes: none (an applied fleet) or nothing recorded yet (a new one) leaves nothing to hand over.
  const takers: { move: SiteMove; first: Operation; site: Site }[] = [];
  for (const move of moves.values()) {
    const first = move.chain[0];
    const site = desired.sites.get(move.site);
    if (first && site && !move.deleted) takers.push({ move, first, site });
  }
  if (takers.length === 0 || recorded.sites.size === 0) return;
  const servedBy = new Map<string, string>();
  for (const site of recorded.sites.values()) for (const host of recordedHosts(site)) servedBy.set(host, site.name);

  for (const { move, first, site } of takers) {
    const before = recorded.sites.get(move.site);
    for (const host of desiredHosts(site)) {
      const holder = servedBy.get(host);
      if (!holder || holder === move.site || (before && servesHost(before, host))) continue;
      const release = moves.get(holder)?.chain.at(-1);
      if (release) plan.dependOn(first, release.id);
      else first.blockers.push({ code: 'hostname-in-use', message: `${host} is still served by site ${holder}, which this plan leaves alone` });
    }
  }
}

function servesHost(site: RecordedSite, host: string): boolean {
  return site.url === host || site.aliases.includes(host);
}

function recordedHosts(site: RecordedSite): string[] {
  return [site.url, ...site.aliases];
}

function desiredHosts(site: Site): string[] {
  return [site.url, ...site.aliases];
}
