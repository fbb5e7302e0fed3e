// site verify: make the server match the recorded-and-desired site again:
// fix permissions, rewrite settings (same credentials) and the vhost.

import type { OperationBuilder } from '../types.js';
import { recordedSite, shouldExist } from './desired.js';
import { appliedSite } from './record.js';
import { siteResources } from './resources.js';
import { compact, fixPermissionsTask, readPasswordTask, writeSettingsTask, writeVhostTask, type PasswordBox } from './tasks.js';

export const verifySite: OperationBuilder = (ctx) => {
  const site = shouldExist(ctx);
  const before = recordedSite(ctx);
  const r = siteResources(ctx, site.name, site);
  const password: PasswordBox = { value: null };
  // The status is changed by disable/enable operations, which follow this one in the plan.
  const status = before.status;
  return {
    tasks: compact([
      fixPermissionsTask(ctx.shell, r),
      readPasswordTask(ctx.shell, r, password),
      writeSettingsTask(ctx.shell, r, password),
      writeVhostTask(ctx.shell, r, status === 'disabled'),
    ]),
    updates: () => [appliedSite(site, r, status)],
  };
};
