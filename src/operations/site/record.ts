// How site operations change the recorded site.

import type { Site } from '../../model/kinds.js';
import { siteSpec } from '../../state/spec.js';
import { STATE_FORMAT_VERSION, type RecordedSite } from '../../state/types.js';
import type { StateUpdate } from '../types.js';
import type { SiteResources } from './resources.js';

/** The recorded site after an operation that applied the desired spec. */
export function appliedSite(site: Site, r: SiteResources, status?: 'enabled' | 'disabled'): StateUpdate {
  return {
    kind: 'site',
    name: site.name,
    update: (current: RecordedSite | undefined): RecordedSite => {
      const spec = siteSpec(site, r.server.name);
      // Whatever ran rewrote the site from its spec: earlier drift is gone.
      const { drift: _repaired, ...kept } = current ?? ({} as Partial<RecordedSite>);
      return {
        ...kept,
        formatVersion: STATE_FORMAT_VERSION,
        name: site.name,
        ...spec,
        status: status ?? spec.status,
        db: r.db ? { name: r.db.name, user: r.db.user } : undefined,
        generation: (current?.generation ?? 0) + 1,
      };
    },
  };
}

export function deletedSite(name: string): StateUpdate {
  return { kind: 'site', name, update: () => null };
}
