// `tide backup SITE`: a backup on demand, recorded in the site's state, with
// the site's retention policy applied. The site keeps serving throughout.

import type { OperationBuilder } from '../types.js';
import { siteBackupStep } from './backup.js';
import { recordedSite } from './desired.js';
import { siteResources } from './resources.js';

export const backupSite: OperationBuilder = (ctx) => {
  const site = recordedSite(ctx);
  const r = siteResources(ctx, site.name, site);
  const backup = siteBackupStep(ctx.shell, r, site, ctx.operationId, ctx.now, ctx.peer);
  return {
    tasks: backup.tasks,
    details: () => ({ backup: backup.taken() }),
    updates: backup.recorded,
    kept: backup.recorded,
  };
};
