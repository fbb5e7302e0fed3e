// After a crash in the middle of a migrate or restore, the state branch still
// describes the site as it was before (the operation never committed), but
// the servers may already serve the new copy, and people may have written to
// it since. So recovery first finds out where the site is live, and never
// goes back over newer data:
//
//   - the copy was switched to (same server: the live directory is the copy,
//     its settings name the copy's database, or the swap was half done; other
//     server: the target has the site's vhost and the copy's settings): the
//     operation is finished from there (roll forward, recover-forward.ts);
//   - otherwise the site is put back as recorded: the previous copy back in
//     place, the half-made copy (staging directory, copy database, files
//     on another server) removed, anything already removed brought back from
//     the backup the operation took first, then settings and vhost rewritten
//     from the record, which also takes down the maintenance page. The
//     planned migrate then starts again from a clean site.
//
// Either way the backup the operation took is recorded, and its leftovers go.

import { siteDatabaseNames } from '../../services/db/mariadb/index.js';
import { shellQuote as q } from '../../transport/types.js';
import type { Shell } from '../../shell/shell.js';
import { siteBackupPath, sitePreviousDir, siteStagingDir } from '../paths.js';
import type { OperationBuilder, OperationContext, PeerServer, Task } from '../types.js';
import { recreateDatabaseFromArchive, unpackSiteFilesCommand } from './backup.js';
import { recordedSite } from './desired.js';
import { adoptBackupStep, removeLeftoversTask } from './leftovers.js';
import { finishCopyTasks, type CopyPlaces } from './recover-forward.js';
import { siteResources, vhostModeFor, type SiteResources } from './resources.js';
import { compact, fixPermissionsTask, sitePermissions, readPasswordTask, removeVhostTask, writeSettingsTask, writeVhostTask, type PasswordBox } from './tasks.js';

/** The interrupted operation, as its record tells it. */
export interface InterruptedCopy {
  /** Its record id: it names the operation's directories and backup. */
  id: string;
  action: 'migrate' | 'restore';
  /** Where it made the copy (the record's server). */
  server: string;
  /** The copy's platform (a migrate's target platform). */
  platform: string;
  startedAt: string;
}

export function recoverInterruptedCopy(copy: InterruptedCopy): OperationBuilder {
  return async (ctx) => {
    const site = recordedSite(ctx);
    const target = ctx.peer(copy.server);
    const sameServer = copy.server === ctx.server.name;
    const places: CopyPlaces = {
      site,
      copy,
      source: { desired: ctx.desired, server: ctx.server, shell: ctx.shell, dbAdminPassword: ctx.dbAdminPassword },
      target,
      from: siteResources(ctx, site.name, site),
      // The copy at the site's usual directory, with its own database names.
      to: siteResources(target, site.name, { ...site, platform: copy.platform, db: siteDatabaseNames(site.name, site.generation + 1) }),
      staging: siteStagingDir(ctx.server, site.name, copy.action, copy.id),
      previous: sitePreviousDir(ctx.server, site.name, copy.id),
      sameServer,
    };
    const live = await copyIsLive(places);
    ctx.log.line(live
      ? `the copy on ${copy.server} was switched to: finishing the ${copy.action} from there`
      : `the copy was never switched to: putting ${site.name} back as recorded on ${ctx.server.name}`);
    const backup = adoptBackupStep(ctx.shell, ctx.server, site.name, copy.id, copy.startedAt);
    const prepared = live ? finishCopyTasks(places, backup.found) : { tasks: putBackTasks(ctx, places), updates: () => [] };
    return {
      tasks: [backup.task, ...prepared.tasks, removeLeftoversTask(ctx.shell, ctx.server, site.name, copy.id),
        ...(sameServer ? [] : [removeLeftoversTask(target.shell, target.server, site.name, copy.id)])],
      details: () => ({ live: live ? copy.server : site.server, direction: live ? 'forward' : 'back', backup: backup.found() }),
      updates: () => [...backup.recorded(), ...prepared.updates()],
      kept: backup.recorded,
    };
  };
}

/** Whether the site serves (or, held by the maintenance page, is about to serve) the copy. */
async function copyIsLive(p: CopyPlaces): Promise<boolean> {
  const { to } = p;
  const shell = p.target.shell;
  const exists = async (path: string): Promise<boolean> => (await shell.probe(`test -e ${q(path)}`)).exitCode === 0;
  if (p.sameServer) {
    // The swap moves the live directory aside, then the copy in: either half done, the copy is the one to keep.
    if (await exists(p.previous)) return (await exists(to.dir)) || (await exists(p.staging));
    return holdsCopy(shell, to);
  }
  // Another server serves the site only once its vhost is written, the copy's last step.
  return Boolean(to.http && (await shell.transport.readFile(to.http.path))) && (await holdsCopy(shell, to));
}

/** The directory at `to.dir` is the copy: its settings name the copy's database (a site without one: it is there). */
async function holdsCopy(shell: Shell, to: SiteResources): Promise<boolean> {
  const raw = await shell.transport.readFile(to.settingsPath);
  if (!raw) return false;
  if (!to.db) return true;
  try {
    return (JSON.parse(raw.toString('utf8')) as { db?: { name?: string } }).db?.name === to.db.name;
  } catch {
    return false;
  }
}

function putBackTasks(ctx: OperationContext, p: CopyPlaces): Task[] {
  const { site, from: r, to, target } = p;
  const archive = siteBackupPath(ctx.server, site.name, p.copy.id);
  const password: PasswordBox = { value: null };
  return compact([
    {
      name: `put the previous copy of ${r.dir} back if the switch had begun`,
      run: async () => void (await ctx.shell.run('putting the previous copy back',
        `if [ -e ${q(p.previous)} ]; then rm -rf ${q(r.dir)} && mv ${q(p.previous)} ${q(r.dir)}; fi`)),
    },
    // On another server the copy was made at the site's usual place, where the record says nothing lives.
    p.sameServer ? null : removeCopyFilesTask(target, to),
    p.sameServer ? null : removeVhostTask(target.shell, to),
    dropCopyDatabaseTask(target.shell, to, r),
    bringBackFilesTask(ctx, r, archive),
    readPasswordTask(ctx.shell, r, password),
    bringBackDatabaseTask(ctx, r, password, archive),
    fixPermissionsTask(ctx.shell, r),
    writeSettingsTask(ctx.shell, r, password),
    writeVhostTask(ctx.shell, r, vhostModeFor(site.status)),
  ]);
}

function removeCopyFilesTask(target: PeerServer, to: SiteResources): Task {
  return {
    name: `remove the half-made copy ${to.dir} on ${target.server.name}`,
    run: async () => void (await target.shell.run('removing the half-made copy', `rm -rf ${q(to.dir)}`)),
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
      `if [ ! -e ${q(r.dir)} ]; then mkdir -p ${q(r.dir)} && chmod 0700 ${q(r.dir)} && ${unpackSiteFilesCommand(archive, r.dir, r.name)} && ${sitePermissions(r)}; fi`)),
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
