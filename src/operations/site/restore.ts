// site restore (`tide restore SITE --backup ID`): a fresh backup first, then
// the chosen backup's files and database are copied in beside the live site,
// brought up to the platform's code, and switched to. Until the switch the
// live site is only read, so a failure leaves it as it was before the restore.
// It keeps the site as recorded (a pending fleet change is the plan's): a
// site in its own PHP pool keeps it, repaired before the copy takes its group.

import { siteDatabaseNames } from '../../services/db/mariadb/index.js';
import type { RecordedSite, SiteBackup } from '../../state/types.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import { siteDir, sitePreviousDir, siteStagingDir } from '../paths.js';
import type { OperationBuilder, StateUpdate } from '../types.js';
import { backupArchivePath } from '../targets.js';
import { siteBackupStep } from './backup.js';
import { copySiteTasks, swapInTask } from './copy.js';
import { dropDatabaseTask, removeFilesTask } from './delete.js';
import { recordedSite } from './desired.js';
import { recordedIsolation, siteResources, vhostModeFor } from './resources.js';
import { ensurePoolTask } from './pool.js';
import { compact, readPasswordTask, writeVhostTask, type PasswordBox } from './tasks.js';

export const restoreSite: OperationBuilder = (ctx) => {
  const before = recordedSite(ctx);
  // A site installed again after a delete can be restored from the backups of the one deleted.
  const kept = [...(before.backups ?? []), ...(ctx.recorded.deletedSites.get(before.name)?.backups ?? [])];
  const chosen = chosenBackup(before.name, kept, ctx.op.options?.backup);
  const live = siteDir(ctx.server, before.name);
  const staging = siteStagingDir(ctx.server, before.name, 'restore', ctx.operationId);
  const previous = sitePreviousDir(ctx.server, before.name, ctx.operationId);
  const isolation = recordedIsolation(before);
  const current = siteResources(ctx, before.name, before, { isolation });
  const currentPassword: PasswordBox = { value: null };
  const shape = { ...before, db: siteDatabaseNames(before.name, before.generation + 1) };
  const copyR = siteResources(ctx, before.name, shape, { dir: staging, isolation });
  const finalR = siteResources(ctx, before.name, shape, { isolation });

  const shellOn = (server: string) => ctx.peer(server).shell;
  const backup = siteBackupStep(ctx.shell, current, before, ctx.operationId, ctx.now, ctx.peer, { spare: chosen.id });
  const copy = copySiteTasks({
    shell: ctx.shell, r: copyR, sourceName: before.name, shellOn, operationId: ctx.operationId, update: true,
    archive: () => {
      const server = chosen.server ?? before.server;
      return { server, path: backupArchivePath(ctx.peer(server).server, before.name, chosen) };
    },
  });
  const restored: StateUpdate = {
    kind: 'site',
    name: before.name,
    update: (site: RecordedSite | undefined) => {
      const packages = copy.packages();
      const { packages: _old, ...rest } = site ?? before;
      return {
        ...rest,
        db: finalR.db ? { name: finalR.db.name, user: finalR.db.user } : undefined,
        ...(packages ? { packages } : packages === undefined && _old ? { packages: _old } : {}),
        generation: (site?.generation ?? before.generation) + 1,
      };
    },
  };

  return {
    tasks: compact([
      readPasswordTask(ctx.shell, current, currentPassword),
      current.db ? writeVhostTask(ctx.shell, current, 'maintenance') : null,
      ...backup.tasks,
      ensurePoolTask(ctx.shell, finalR),
      ...copy.tasks,
      swapInTask(ctx.shell, live, staging, previous),
      writeVhostTask(ctx.shell, finalR, vhostModeFor(before.status)),
      dropDatabaseTask(ctx.shell, current, currentPassword, () => backup.taken()),
      removeFilesTask(ctx.shell, ctx.server, previous),
    ]),
    details: () => ({ backup: backup.taken(), restored: chosen }),
    updates: () => [...backup.recorded(), restored],
    kept: backup.recorded,
  };
};

/** The backup `id` among the site's; refuses (naming the ones there are) when it has none by that id. */
export function chosenBackup(site: string, backups: readonly SiteBackup[], id: string | undefined): SiteBackup {
  const found = backups.find((b) => b.id === id);
  if (found) return found;
  const known = backups.map((b) => b.id);
  throw new OperationPreconditionError(
    id === undefined ? `Restoring ${site} needs the backup to bring back.` : `Site ${site} has no backup ${id}.`,
    known.length ? `Its backups: ${known.join(', ')} (tide backups ${site} lists them with dates and sizes).` : `Site ${site} has no recorded backups; take one with tide backup ${site}.`);
}
