// site verify: make the server match the recorded-and-desired site again:
// make or repair its own PHP pool (per-site isolation; first, since its group
// goes on the files), fix permissions, rewrite settings (same credentials)
// and the vhost, refresh the package inventory migrate checks against, and
// last remove the pool of a site that went back to the shared one.

import type { OperationBuilder } from '../types.js';
import { recordedSite, shouldExist } from './desired.js';
import { appliedSite } from './record.js';
import { recordedIsolation, siteResources, vhostModeFor } from './resources.js';
import { poolSwitchTasks } from './pool.js';
import type { Package } from '../../state/types.js';
import { compact, listPackagesTask, fixPermissionsTask, readPasswordTask, writeSettingsTask, writeVhostTask, type PasswordBox } from './tasks.js';

export const verifySite: OperationBuilder = (ctx) => {
  const site = shouldExist(ctx);
  const before = recordedSite(ctx);
  const r = siteResources(ctx, site.name, { ...site, db: before.db });
  const password: PasswordBox = { value: null };
  // The status is changed by disable/enable operations, which follow this one in the plan.
  const status = before.status;
  let packages: Package[] | null | undefined;
  const pool = poolSwitchTasks(ctx.shell, r, siteResources(ctx, site.name, before, { isolation: recordedIsolation(before) }));
  return {
    tasks: compact([
      pool.first,
      fixPermissionsTask(ctx.shell, r),
      readPasswordTask(ctx.shell, r, password),
      writeSettingsTask(ctx.shell, r, password),
      listPackagesTask(ctx.shell, r, password, (found) => (packages = found)),
      writeVhostTask(ctx.shell, r, vhostModeFor(status)),
      pool.last,
    ]),
    updates: () => [appliedSite(site, r, { status, packages: () => packages })],
  };
};
