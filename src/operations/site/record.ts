// How site operations change the recorded site.

import type { Site } from '../../model/kinds.js';
import { siteSpec } from '../../state/spec.js';
import { STATE_FORMAT_VERSION, type DeletedSite, type Package, type RecordedSite } from '../../state/types.js';
import type { StateUpdate } from '../types.js';
import type { SiteResources } from './resources.js';

export interface AppliedSiteOptions {
  /** The status it now has; default the desired one. */
  status?: 'enabled' | 'disabled';
  /** Its package inventory: undefined keeps the recorded one, null forgets it (the driver cannot tell). */
  packages?: () => Package[] | null | undefined;
}

/** The recorded site after an operation that applied the desired spec. */
export function appliedSite(site: Site, r: SiteResources, { status, packages }: AppliedSiteOptions = {}): StateUpdate {
  return {
    kind: 'site',
    name: site.name,
    update: (current: RecordedSite | undefined): RecordedSite => {
      const spec = siteSpec(site, r.server.name, r.platform.vars, r.isolation);
      // Whatever ran rewrote the site from its spec: earlier drift is gone.
      const { drift: _repaired, packages: recordedPackages, ...kept } = current ?? ({} as Partial<RecordedSite>);
      const found = packages?.();
      const inventory = found === undefined ? recordedPackages : found ?? undefined;
      return {
        ...kept,
        formatVersion: STATE_FORMAT_VERSION,
        name: site.name,
        ...spec,
        status: status ?? spec.status,
        db: r.db ? { name: r.db.name, user: r.db.user } : undefined,
        ...(inventory ? { packages: inventory } : {}),
        generation: (current?.generation ?? 0) + 1,
      };
    },
  };
}

/**
 * The site's record goes; what tide keeps of it (where it was, its backups,
 * the delete's own last) moves to state/deleted-sites, so `tide backups`
 * still lists them and `tide restore` can bring it back.
 */
export function deletedSite(name: string, at: () => Date): StateUpdate[] {
  let last: RecordedSite | undefined;
  return [
    { kind: 'site', name, update: (current) => ((last = current), null) },
    {
      kind: 'deletedSite',
      name,
      update: (kept: DeletedSite | undefined): DeletedSite | null => {
        if (!last) return kept ?? null;
        const backups = [...(kept?.backups ?? []), ...(last.backups ?? [])].filter((b, i, all) => all.findIndex((o) => o.id === b.id) === i);
        return { formatVersion: STATE_FORMAT_VERSION, name, platform: last.platform, server: last.server, deletedAt: at().toISOString(), backups };
      },
    },
  ];
}
