// Platform operations, one per (platform, server): deploy where it is new or
// its code changed, verify where only its commands changed, delete where it is
// no longer wanted. Code never changes under live sites (that would skip the
// migrate safety) and a platform is deleted only once its sites have left.

import type { DesiredState } from '../model/kinds.js';
import { platformSpec, PLATFORM_CODE_FIELDS } from '../state/spec.js';
import type { RecordedState } from '../state/types.js';
import type { PlanBuilder } from './builder.js';
import { diffFields, initialFields } from './diff.js';
import { platformRemovals } from './removals.js';
import { sorted } from './servers.js';
import type { SiteMove } from './sites.js';
import type { Blocker } from '../model/plan.js';

export function planPlatforms(desired: DesiredState, recorded: RecordedState, moves: Map<string, SiteMove>, plan: PlanBuilder): void {
  // Wanted only where a platform's code changes or it leaves a server: not at all in most plans.
  let residents: ReturnType<typeof sitesByDeployment> | undefined;
  const names = sorted(new Set([...desired.platforms.keys(), ...recorded.platforms.keys()]));
  for (const name of names) {
    const platform = desired.platforms.get(name);
    const before = recorded.platforms.get(name);
    const target = { kind: 'platform' as const, name };
    const here = (server: string) => (residents ??= sitesByDeployment(moves)).get(`${name}@${server}`) ?? { staying: [], leaving: [] };

    for (const server of platform?.servers ?? []) {
      const spec = platformSpec(platform!, desired.sourceTrees?.get(name));
      const deployed = before?.deployments[server];
      if (!deployed) {
        plan.add({ action: 'deploy', target, server, changes: initialFields(spec),
          reason: before ? `platform added to server ${server}` : `new platform (${spec.driver})` });
        continue;
      }
      // A record made before tide pinned code has no tree id: unknown, not changed.
      const codeChanges = diffFields(before, spec, PLATFORM_CODE_FIELDS).filter((c) => !(c.field === 'sourceTree' && !before?.sourceTree));
      const otherChanges = diffFields(before, spec, ['commands']);
      const drift = driftOn(before?.drift, server);
      if (codeChanges.length === 0 && drift.length > 0) {
        // The code on the server is not what was deployed; the fleet still wants
        // the recorded code, so putting it back is a repair, safe under live sites.
        plan.add({ action: 'deploy', target, server, changes: otherChanges, repair: otherChanges.length === 0,
          reason: `repair: tide verify found drift (${drift.join('; ')}); redeploy the recorded code` });
      } else if (codeChanges.length > 0) {
        const { staying } = here(server);
        const blockers: Blocker[] = staying.length === 0 ? [] : [{ code: 'platform-in-use',
          message: `${count(staying)} on ${server} (${list(staying)}) would get new code without the migrate safety (backup, compatibility check, rollback); create a new platform and move the sites to it` }];
        plan.add({ action: 'deploy', target, server, blockers, changes: [...codeChanges, ...otherChanges],
          reason: `changed: ${codeChanges.map((c) => c.field).join(', ')}; deploy the new code` });
      } else if (otherChanges.length > 0) {
        plan.add({ action: 'verify', target, server, changes: otherChanges, reason: 'changed: commands; record them and check the platform' });
      }
    }

    for (const server of sorted(Object.keys(before?.deployments ?? {}))) {
      if (platform?.servers.includes(server)) continue;
      if (!platform && !desired.fleet.prune) {
        plan.orphan({ target, server, reason: 'its file was removed and prune is off, so tide leaves it alone' });
        continue;
      }
      const { staying, leaving } = here(server);
      const removal = platformRemovals(desired, name, server, before);
      const op = plan.add({ action: 'delete', target, server, destructive: true, removes: removal.removes,
        reason: platform ? `server ${server} removed from the platform's servers` : 'its file was removed and prune is on',
        blockers: [...removal.blockers, ...(staying.length === 0 ? [] : [{ code: 'platform-has-sites',
          message: `${count(staying)} still on it at ${server} (${list(staying)}); move them to another platform or delete them first` }])] });
      for (const move of leaving) plan.dependOn(op, move.chain[0]?.id);
    }
  }
}

/** What `tide verify` recorded for one server (`SERVER: finding`), without the prefix. */
function driftOn(drift: string[] | undefined, server: string): string[] {
  const prefix = `${server}: `;
  return (drift ?? []).filter((d) => d.startsWith(prefix)).map((d) => d.slice(prefix.length));
}

/** Recorded residents of each `platform@server`, split by whether this plan moves them away. */
function sitesByDeployment(moves: Map<string, SiteMove>): Map<string, { staying: string[]; leaving: SiteMove[] }> {
  const out = new Map<string, { staying: string[]; leaving: SiteMove[] }>();
  for (const move of moves.values()) {
    if (!move.from) continue;
    const key = `${move.from.platform}@${move.from.server}`;
    const entry = out.get(key) ?? { staying: [], leaving: [] };
    const leaves = move.deleted || (move.to !== undefined && `${move.to.platform}@${move.to.server}` !== key);
    if (leaves) entry.leaving.push(move);
    else entry.staying.push(move.site);
    out.set(key, entry);
  }
  return out;
}

function count(sites: string[]): string {
  return sites.length === 1 ? '1 site' : `${sites.length} sites`;
}

function list(sites: string[], max = 5): string {
  return sites.length <= max ? sites.join(', ') : `${sites.slice(0, max).join(', ')} and ${sites.length - max} more`;
}
