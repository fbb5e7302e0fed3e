// site rename: a new url. The site's name, directory and database stay; its
// settings (the url the application sees) and its vhost (server name,
// aliases) are rewritten. The old url keeps answering only if the fleet lists
// it as an alias (with redirectAliases, as a 301 to the new one). Config
// changes pending with the rename come with it: a site moving into its own
// PHP pool gets the pool first and its files the pool's group, one leaving
// it loses the pool last (see verify).

import type { OperationBuilder } from '../types.js';
import { recordedSite, shouldExist } from './desired.js';
import { appliedSite } from './record.js';
import { recordedIsolation, siteResources, vhostModeFor } from './resources.js';
import { poolSwitchTasks } from './pool.js';
import { compact, fixPermissionsTask, readPasswordTask, writeSettingsTask, writeVhostTask, type PasswordBox } from './tasks.js';

export const renameSite: OperationBuilder = (ctx) => {
  const site = shouldExist(ctx);
  const before = recordedSite(ctx);
  // A migrate in the same plan ran first; the status changes in a later disable/enable.
  const r = siteResources(ctx, site.name, { ...site, platform: before.platform, db: before.db });
  const password: PasswordBox = { value: null };
  const recorded = siteResources(ctx, site.name, before, { isolation: recordedIsolation(before) });
  const pool = poolSwitchTasks(ctx.shell, r, recorded);
  return {
    tasks: compact([
      pool.first,
      r.group !== recorded.group ? fixPermissionsTask(ctx.shell, r) : null,
      readPasswordTask(ctx.shell, r, password),
      writeSettingsTask(ctx.shell, r, password),
      writeVhostTask(ctx.shell, r, vhostModeFor(before.status)),
      pool.last,
    ]),
    details: () => ({ from: before.url, to: site.url }),
    updates: () => [appliedSite(site, r, { status: before.status })],
  };
};
