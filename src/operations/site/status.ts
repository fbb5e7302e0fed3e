// site disable / enable: switch the vhost between the "site disabled" page
// and the site. Files and database are untouched.

import type { OperationBuilder } from '../types.js';
import { recordedSite, shouldExist } from './desired.js';
import { appliedSite } from './record.js';
import { recordedIsolation, siteResources } from './resources.js';
import { compact, writeVhostTask } from './tasks.js';

function switchSite(disabled: boolean): OperationBuilder {
  return (ctx) => {
    const site = shouldExist(ctx);
    const before = recordedSite(ctx);
    // The recorded shape is what is live; a pending config change was applied by a verify before this.
    const r = siteResources(ctx, site.name, { ...before, platform: before.platform }, { isolation: recordedIsolation(before) });
    if (!r.http) ctx.log.line(`server ${ctx.server.name} has no http service: only the record changes`);
    return {
      tasks: compact([writeVhostTask(ctx.shell, r, disabled ? 'disabled' : 'live', { lastCommand: true })]),
      updates: () => [appliedSite(site, r, { status: disabled ? 'disabled' : 'enabled' })],
    };
  };
}

export const disableSite = switchSite(true);
export const enableSite = switchSite(false);
