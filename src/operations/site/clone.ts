// site clone: a new site made from a fresh backup of its source (`cloneFrom`),
// with its own directory, database and credentials, on its own platform and
// server, and with per-site isolation its own PHP pool and user (made before
// the copy, whose files get that user's group). The source keeps serving: it
// is only read (and backed up).

import { OperationPreconditionError } from '../../shell/errors.js';
import type { OperationBuilder } from '../types.js';
import { checkRecordedSite } from '../targets.js';
import { siteBackupStep } from './backup.js';
import { compatibilityTask } from './compatibility.js';
import { copySiteTasks } from './copy.js';
import { shouldExist } from './desired.js';
import { appliedSite } from './record.js';
import { recordedIsolation, siteResources, vhostModeFor } from './resources.js';
import { ensurePoolTask } from './pool.js';
import { compact, readPasswordTask, writeVhostTask, type PasswordBox } from './tasks.js';

export const cloneSite: OperationBuilder = (ctx) => {
  const site = shouldExist(ctx);
  const sourceName = site.cloneFrom;
  const recorded = sourceName ? ctx.recorded.sites.get(sourceName) : undefined;
  if (!sourceName || !recorded) {
    throw new OperationPreconditionError(`Site ${site.name} is to be cloned from ${sourceName ?? '(no cloneFrom)'}, which tide has no record of.`,
      'Install the source site first (or fix cloneFrom), then apply again.');
  }
  checkRecordedSite(ctx.desired, recorded);
  const source = ctx.peer(recorded.server);
  const from = siteResources(source, sourceName, recorded, { isolation: recordedIsolation(recorded) });
  const fromPassword: PasswordBox = { value: null };
  const r = siteResources(ctx, site.name, site);
  const otherPlatform = recorded.platform !== site.platform;

  const shellOn = (server: string) => ctx.peer(server).shell;
  const backup = siteBackupStep(source.shell, from, recorded, ctx.operationId, ctx.now, ctx.peer);
  const copy = copySiteTasks({
    shell: ctx.shell, r, sourceName, shellOn, operationId: ctx.operationId,
    // Same code: the data is already at its schema. Other code: bring it up, as a migrate does.
    update: otherPlatform,
    archive: () => ({ server: source.server.name, path: backup.taken()!.path }),
  });
  return {
    tasks: compact([
      readPasswordTask(source.shell, from, fromPassword),
      ...backup.tasks,
      otherPlatform ? compatibilityTask({ ctx, from, fromShell: source.shell, fromPassword, to: r }) : null,
      ensurePoolTask(ctx.shell, r),
      ...copy.tasks,
      writeVhostTask(ctx.shell, r, vhostModeFor(site.status)),
    ]),
    details: () => ({ backup: backup.taken(), from: sourceName }),
    updates: () => [...backup.recorded(), appliedSite(site, r, { packages: copy.packages })],
    kept: backup.recorded,
  };
};
