// site migrate: to another platform, another server, or both.
//
//   maintenance page → backup → compatibility check → its own PHP pool on
//   the target (per-site isolation) → copy the site (new directory, new
//   database) beside the target platform → database updates → switch the
//   vhost to the copy → remove the old copy → remove a pool it left.
//
// The pool comes before the copy because its user's group goes on the copy's
// files; on the same server it is the same pool, pointed at the new platform
// (the live site shows the maintenance page meanwhile), and its undo points
// it back.
//
// The source is only read until the switch, so any failure before it leaves
// the site exactly as it was; the undo of each later step puts it back too
// (the old database is reloaded from the backup if it was already dropped).
// The maintenance page holds writes still while the data is copied, so
// nothing written during the migrate is lost.

import { siteDatabaseNames } from '../../services/db/mariadb/index.js';
import { siteDir, sitePreviousDir, siteStagingDir } from '../paths.js';
import type { OperationBuilder } from '../types.js';
import { siteBackupStep } from './backup.js';
import { compatibilityTask } from './compatibility.js';
import { copySiteTasks, swapInTask } from './copy.js';
import { dropDatabaseTask, removeFilesTask } from './delete.js';
import { recordedSite, shouldExist } from './desired.js';
import { appliedSite } from './record.js';
import { recordedIsolation, siteResources, vhostModeFor } from './resources.js';
import { ensurePoolTask, removePoolTask } from './pool.js';
import { compact, readPasswordTask, removeVhostTask, writeVhostTask, type PasswordBox } from './tasks.js';

export const migrateSite: OperationBuilder = (ctx) => {
  const site = shouldExist(ctx);
  const before = recordedSite(ctx);
  const source = ctx.peer(before.server);
  const sameServer = before.server === ctx.server.name;
  const from = siteResources(source, site.name, before, { isolation: recordedIsolation(before) });
  const fromPassword: PasswordBox = { value: null };

  // The copy gets database names of its own, so the live database is untouched until the switch.
  const shape = { ...site, db: siteDatabaseNames(site.name, before.generation + 1) };
  const live = siteDir(ctx.server, site.name);
  const staging = sameServer ? siteStagingDir(ctx.server, site.name, 'migrate', ctx.operationId) : live;
  const previous = sitePreviousDir(source.server, site.name, ctx.operationId);
  const copyR = siteResources(ctx, site.name, shape, { dir: staging });
  const finalR = siteResources(ctx, site.name, shape);

  const shellOn = (server: string) => ctx.peer(server).shell;
  const backup = siteBackupStep(source.shell, from, before, ctx.operationId, ctx.now, ctx.peer);
  const copy = copySiteTasks({
    shell: ctx.shell, r: copyR, sourceName: site.name, shellOn, operationId: ctx.operationId, update: true,
    archive: () => ({ server: source.server.name, path: backup.taken()!.path }),
  });

  return {
    tasks: compact([
      readPasswordTask(source.shell, from, fromPassword),
      // Only a site with a database can lose writes; a static site keeps serving.
      from.db ? writeVhostTask(source.shell, from, 'maintenance') : null,
      ...backup.tasks,
      before.platform !== site.platform ? compatibilityTask({ ctx, from, fromShell: source.shell, fromPassword, to: copyR }) : null,
      ensurePoolTask(ctx.shell, finalR, sameServer ? from : undefined),
      ...copy.tasks,
      sameServer ? swapInTask(ctx.shell, live, staging, previous) : null,
      writeVhostTask(ctx.shell, finalR, vhostModeFor(before.status)),
      sameServer ? null : removeVhostTask(source.shell, from),
      // Last: the old database (reloaded from the backup should the last step fail) and the old directory.
      dropDatabaseTask(source.shell, from, fromPassword, () => backup.taken()),
      removeFilesTask(source.shell, source.server, sameServer ? previous : from.dir),
      sameServer && finalR.pool ? null : removePoolTask(source.shell, from),
    ]),
    details: () => ({ backup: backup.taken(), from: { platform: before.platform, server: before.server }, to: { platform: site.platform, server: ctx.server.name } }),
    updates: () => [...backup.recorded(), appliedSite(site, finalR, { status: before.status, packages: copy.packages })],
    kept: backup.recorded,
  };
};
