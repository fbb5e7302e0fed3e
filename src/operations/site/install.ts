// site install: its own PHP pool (per-site isolation) → directory →
// database → settings → installer → vhost. The pool comes first because its
// user's group is the directory's; the vhost comes last, so a site answers
// only once it is fully installed; any failure undoes the earlier steps (no
// pool, database, user, files or vhost left). Directory, database and
// settings need no answer in between (the password is generated here), so
// they go to the server as one command (fold.ts), each still a task with its
// own log line and undo.

import type { OperationBuilder } from '../types.js';
import { shouldExist } from './desired.js';
import { appliedSite } from './record.js';
import { siteResources, vhostModeFor } from './resources.js';
import type { Package } from '../../state/types.js';
import { ensurePoolTask } from './pool.js';
import { foldTasks } from '../fold.js';
import { compact, listPackagesTask, createDatabaseTask, createSiteDirTask, runInstallerTask, writeNewSettingsTask, writeVhostTask, type PasswordBox } from './tasks.js';

export const installSite: OperationBuilder = (ctx) => {
  const site = shouldExist(ctx);
  const r = siteResources(ctx, site.name, site);
  const password: PasswordBox = { value: null };
  let packages: Package[] | null | undefined;
  return {
    tasks: compact([
      ensurePoolTask(ctx.shell, r),
      ...foldTasks(ctx.shell, compact([
        createSiteDirTask(ctx.shell, r),
        createDatabaseTask(ctx.shell, r, password),
        writeNewSettingsTask(ctx.shell, r, password, { fresh: true }),
      ])),
      runInstallerTask(ctx.shell, r, password),
      listPackagesTask(ctx.shell, r, password, (found) => (packages = found)),
      writeVhostTask(ctx.shell, r, vhostModeFor(site.status), { lastCommand: true }),
    ]),
    updates: () => [appliedSite(site, r, { packages: () => packages })],
  };
};
