// Recovery of a site operation other than migrate or restore (those are in
// recover.ts) that a crashed run left unfinished. What the servers show
// decides, so nothing written since the crash is undone:
//
//   - install or clone, never recorded: the vhost comes last, so a site with
//     its vhost and settings in place was complete and may be in use: it is
//     recorded as it is (roll forward). Otherwise what was made is removed
//     (names derived from the site's name), and the planned install or clone
//     starts clean.
//   - delete: once its backup exists the delete was under way and is
//     finished (the backup stays listed, `tide backups`); before that it
//     had not touched the site, which is only checked.
//   - anything else: the site is checked as a verify does (permissions,
//     settings, vhost, packages), when the fleet still has it.
//
// Every one records a backup the operation had finished and removes the
// operation's leftovers (staging copies, backup in the making, fetched archives).

import type { Site } from '../../model/kinds.js';
import type { OperationBuilder, OperationContext, PreparedOperation, Task } from '../types.js';
import { removeUnderRoot } from '../targets.js';
import { removeFilesTask } from './delete.js';
import { adoptBackupStep, finishedBackup, removeLeftoversTask } from './leftovers.js';
import { appliedSite, deletedSite } from './record.js';
import { siteResources, vhostModeFor, type SiteResources } from './resources.js';
import { compact, listPackagesTask, readPasswordTask, removeVhostTask, writeVhostTask, type PasswordBox } from './tasks.js';
import { verifySite } from './verify.js';
import type { Package } from '../../state/types.js';

/** The interrupted operation, as its record tells it. */
export interface InterruptedSiteOperation {
  id: string;
  action: string;
  startedAt: string;
  /** The platform it installed or cloned onto (from its recorded changes). */
  platform?: string;
}

export function recoverInterruptedSite(op: InterruptedSiteOperation): OperationBuilder {
  return async (ctx) => {
    const name = ctx.op.target.name;
    const recorded = ctx.recorded.sites.get(name);
    const desired = ctx.desired.sites.get(name);
    const backup = adoptBackupStep(ctx.shell, ctx.server, name, op.id, op.startedAt);
    const cleanup: Task[] = [backup.task, removeLeftoversTask(ctx.shell, ctx.server, name, op.id)];
    // A clone backs up its source, on the source's server.
    const sourceName = op.action === 'clone' ? desired?.cloneFrom : undefined;
    const source = sourceName ? ctx.recorded.sites.get(sourceName) : undefined;
    const sourceBackup = source ? adoptBackupStep(ctx.peer(source.server).shell, ctx.peer(source.server).server, source.name, op.id, op.startedAt) : null;
    if (source && sourceBackup) {
      const peer = ctx.peer(source.server);
      cleanup.push(sourceBackup.task, removeLeftoversTask(peer.shell, peer.server, source.name, op.id));
    }
    let rest: Pick<PreparedOperation, 'tasks' | 'updates'> = { tasks: [], updates: () => [] };
    if (!recorded && desired) rest = await recoverCreation(ctx, { ...desired, platform: op.platform ?? desired.platform });
    else if (recorded && op.action === 'delete' && (await finishedBackup(ctx.shell, ctx.server, name, op.id, op.startedAt))) rest = finishDelete(ctx);
    else if (recorded && desired) rest = await verifySite(ctx);
    return {
      tasks: [...cleanup, ...rest.tasks],
      details: () => ({ backup: backup.found() ?? sourceBackup?.found() }),
      updates: () => [...backup.recorded(), ...(sourceBackup?.recorded() ?? []), ...rest.updates()],
      kept: () => [...backup.recorded(), ...(sourceBackup?.recorded() ?? [])],
    };
  };
}

async function recoverCreation(ctx: OperationContext, site: Site): Promise<Pick<PreparedOperation, 'tasks' | 'updates'>> {
  const r = siteResources(ctx, site.name, site);
  if (await isComplete(ctx, r)) {
    ctx.log.line(`${site.name} has its vhost and settings: the ${ctx.op.target.kind} was complete, recording it as it is`);
    const password: PasswordBox = { value: null };
    let packages: Package[] | null | undefined;
    return {
      tasks: compact([
        readPasswordTask(ctx.shell, r, password),
        writeVhostTask(ctx.shell, r, vhostModeFor(site.status)),
        listPackagesTask(ctx.shell, r, password, (found) => (packages = found)),
      ]),
      updates: () => [appliedSite(site, r, { packages: () => packages })],
    };
  }
  const { db } = r;
  return {
    tasks: compact([
      removeVhostTask(ctx.shell, r),
      db ? { name: `drop leftover database ${db.name} and user ${db.user}`, run: () => db.type.drop(ctx.shell.transport, db.admin, db) } : null,
      { name: `remove leftover ${r.dir}`, run: () => removeUnderRoot(ctx.shell, ctx.server, r.dir, 'removing the leftover site directory') },
    ]),
    updates: () => [],
  };
}

/** The last step of an install or clone is its vhost: with it (and the settings and database), the site was whole. */
async function isComplete(ctx: OperationContext, r: SiteResources): Promise<boolean> {
  if (r.http && !(await ctx.shell.transport.readFile(r.http.path))) return false;
  if (!(await ctx.shell.transport.readFile(r.settingsPath))) return false;
  return !r.db || r.db.type.exists(ctx.shell.transport, r.db.admin, r.db.name);
}

/** The delete had backed the site up: it goes, as asked (its backups stay listed). */
function finishDelete(ctx: OperationContext): Pick<PreparedOperation, 'tasks' | 'updates'> {
  ctx.log.line(`the delete had backed ${ctx.op.target.name} up: finishing it`);
  const before = ctx.recorded.sites.get(ctx.op.target.name)!;
  const r = siteResources(ctx, before.name, before);
  const { db } = r;
  return {
    tasks: compact([
      removeVhostTask(ctx.shell, r),
      db ? { name: `drop database ${db.name} and user ${db.user}`, run: () => db.type.drop(ctx.shell.transport, db.admin, db) } : null,
      removeFilesTask(ctx.shell, ctx.server, r.dir),
    ]),
    updates: () => deletedSite(before.name, ctx.now),
  };
}
