// site delete: back up first (kept on the server), then take the site off the
// web, drop its database and user, remove its files, and last its own PHP
// pool and system user (per-site isolation), which nothing needs once the
// files are gone. Each step up to the files can be put back from the backup
// if a later one fails. Its backups stay recorded (state/deleted-sites): tide
// backups lists them, tide restore brings it back.

import type { Server } from '../../model/kinds.js';
import type { SiteBackup } from '../../state/types.js';
import type { OperationBuilder, Task } from '../types.js';
import type { Shell } from '../../shell/shell.js';
import { removeUnderRoot } from '../targets.js';
import { backupRecorded, backupTask, recreateDatabaseFromArchive } from './backup.js';
import { recordedSite } from './desired.js';
import { deletedSite } from './record.js';
import { recordedIsolation, siteResources, type SiteResources } from './resources.js';
import { removePoolTask } from './pool.js';
import { compact, readPasswordTask, removeVhostTask, type PasswordBox } from './tasks.js';

export const deleteSite: OperationBuilder = (ctx) => {
  const before = recordedSite(ctx);
  const r = siteResources(ctx, before.name, before, { isolation: recordedIsolation(before) });
  const password: PasswordBox = { value: null };
  let backup: SiteBackup | undefined;
  return {
    tasks: compact([
      readPasswordTask(ctx.shell, r, password),
      backupTask(ctx.shell, r, ctx.operationId, ctx.now, (b) => (backup = b)),
      removeVhostTask(ctx.shell, r),
      dropDatabaseTask(ctx.shell, r, password, () => backup),
      removeFilesTask(ctx.shell, r.server, r.dir),
      removePoolTask(ctx.shell, r),
    ]),
    details: () => ({ backup }),
    // The backup joins the site's list, which the deleted site's record keeps.
    updates: () => [...(backup ? [backupRecorded(before.name, backup)] : []), ...deletedSite(before.name, ctx.now)],
  };
};

/** Drops the site's database; the undo loads it back from the backup taken first. */
export function dropDatabaseTask(shell: Shell, r: SiteResources, password: PasswordBox, backup: () => SiteBackup | undefined): Task | null {
  const { db } = r;
  if (!db) return null;
  return {
    name: `drop database ${db.name} and user ${db.user}`,
    run: () => db.type.drop(shell.transport, db.admin, db),
    undo: () => recreateDatabaseFromArchive(shell, db, password.value!, backup()!.path),
  };
}

/** Removes a site directory (or a copy of one) under the server's root; see targets.ts. */
export function removeFilesTask(shell: Shell, server: Server, dir: string): Task {
  return {
    name: `remove site directory ${dir}`,
    run: () => removeUnderRoot(shell, server, dir, 'removing the site directory'),
  };
}
