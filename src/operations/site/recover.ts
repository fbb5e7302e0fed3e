// After a crash in the middle of a migrate or restore, the state branch still
// describes the site as it was before (the operation never committed). This
// puts the server back to that: the previous copy back in place if the switch
// had happened, the half-made copy (staging directory, copy database, vhost
// on another server) removed, anything already removed brought back from the
// backup the operation took first, then settings and vhost rewritten from the
// record, which also takes down the maintenance page. The planned migrate
// then starts again from a clean site.

import { siteDatabaseNames } from '../../services/db/mariadb/index.js';
import { shellQuote as q } from '../../transport/types.js';
import type { Shell } from '../../shell/shell.js';
import { fetchedBackupPath, siteBackupPath, siteDir, sitePreviousDir, siteStagingDir } from '../paths.js';
import type { OperationBuilder, OperationContext, Task } from '../types.js';
import { recreateDatabaseFromArchive, unpackSiteFilesCommand } from './backup.js';
import { recordedSite } from './desired.js';
import { siteResources, vhostModeFor, type SiteResources } from './resources.js';
import { compact, fixPermissionsTask, readPasswordTask, removeVhostTask, writeSettingsTask, writeVhostTask, type PasswordBox } from './tasks.js';

/** `interrupted`: the record id of the crashed operation (it names its directories and backup) and the server it ran on. */
export function recoverInterruptedCopy(interrupted: { id: string; server: string }): OperationBuilder {
  return (ctx) => {
    const site = recordedSite(ctx);
    const r = siteResources(ctx, site.name, site);
    const previous = sitePreviousDir(ctx.server, site.name, interrupted.id);
    const archive = siteBackupPath(ctx.server, site.name, interrupted.id);
    const target = ctx.peer(interrupted.server);
    const elsewhere = interrupted.server !== ctx.server.name;
    const targetR = siteResources(target, site.name,
      { ...site, db: siteDatabaseNames(site.name, site.generation + 1) });
    const password: PasswordBox = { value: null };
    return {
      tasks: compact([
        {
          name: `put the previous copy of ${r.dir} back if the switch had happened`,
          run: async () => void (await ctx.shell.run('putting the previous copy back',
            `if [ -e ${q(previous)} ]; then rm -rf ${q(r.dir)} && mv ${q(previous)} ${q(r.dir)}; fi`)),
        },
        removeLeftoversTask(target.shell, targetR, interrupted.id, elsewhere),
        elsewhere ? removeVhostTask(target.shell, targetR) : null,
        dropCopyDatabaseTask(target.shell, targetR, r),
        bringBackFilesTask(ctx, r, archive),
        readPasswordTask(ctx.shell, r, password),
        bringBackDatabaseTask(ctx, r, password, archive),
        fixPermissionsTask(ctx.shell, r),
        writeSettingsTask(ctx.shell, r, password),
        writeVhostTask(ctx.shell, r, vhostModeFor(site.status)),
      ]),
      updates: () => [],
    };
  };
}

function removeLeftoversTask(shell: Shell, copy: SiteResources, id: string, elsewhere: boolean): Task {
  const leftovers = [
    siteStagingDir(copy.server, copy.name, 'migrate', id), siteStagingDir(copy.server, copy.name, 'restore', id), fetchedBackupPath(copy.server, copy.name, id),
  ];
  // On another server the copy was made at the site's usual place, where the record says nothing lives.
  if (elsewhere) leftovers.push(siteDir(copy.server, copy.name));
  return {
    name: `remove the half-made copy on ${copy.server.name}`,
    run: async () => void (await shell.run('removing the half-made copy', `rm -rf ${leftovers.map(q).join(' ')}`)),
  };
}

function dropCopyDatabaseTask(shell: Shell, copy: SiteResources, live: SiteResources): Task | null {
  const { db } = copy;
  if (!db || db.name === live.db?.name) return null;
  return { name: `drop the copy's database ${db.name} if it was made`, run: () => db.type.drop(shell.transport, db.admin, db) };
}

/** The site's directory was removed only if the crash came after the very last step: take it from the backup. */
function bringBackFilesTask(ctx: OperationContext, r: SiteResources, archive: string): Task {
  return {
    name: `bring ${r.dir} back from the backup if it is gone`,
    run: async () => void (await ctx.shell.run('bringing the site directory back',
      `if [ ! -e ${q(r.dir)} ]; then mkdir -p ${q(r.dir)} && chmod 0750 ${q(r.dir)} && ${unpackSiteFilesCommand(archive, r.dir, r.name)}; fi`)),
  };
}

function bringBackDatabaseTask(ctx: OperationContext, r: SiteResources, password: PasswordBox, archive: string): Task | null {
  const { db } = r;
  if (!db) return null;
  return {
    name: `bring database ${db.name} back from the backup if it is gone`,
    async run() {
      if (await db.type.exists(ctx.shell.transport, db.admin, db.name)) return;
      await db.type.drop(ctx.shell.transport, db.admin, db); // a user left without its database
      await recreateDatabaseFromArchive(ctx.shell, db, password.value!, archive);
    },
  };
}
