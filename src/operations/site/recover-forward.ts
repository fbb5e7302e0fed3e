// Finishing a migrate or restore whose copy the site was already switched to
// (see recover.ts): the copy is the site now, with whatever was written to it
// since, so it is made live for good and the old copy goes, as the
// operation's last steps would have done: the vhost written (which also ends
// a maintenance page), the old server's vhost removed, the old database
// dropped (its data is in the backup the operation took before the copy) and
// the old directory removed. The record then says where the site is.

import type { Package, RecordedSite, SiteBackup } from '../../state/types.js';
import { shellQuote as q } from '../../transport/types.js';
import { removeUnderRoot } from '../targets.js';
import type { PeerServer, StateUpdate, Task } from '../types.js';
import type { InterruptedCopy } from './recover.js';
import { vhostModeFor, type SiteResources } from './resources.js';
import { compact, listPackagesTask, readPasswordTask, removeVhostTask, writeVhostTask, type PasswordBox } from './tasks.js';

/** Where the interrupted operation read from and wrote to. */
export interface CopyPlaces {
  site: RecordedSite;
  copy: InterruptedCopy;
  source: PeerServer;
  target: PeerServer;
  /** The site as recorded, on the source server. */
  from: SiteResources;
  /** The copy, at the site's usual directory on the target server. */
  to: SiteResources;
  /** Same server only: where the copy was prepared, and where the live directory was moved aside. */
  staging: string;
  previous: string;
  sameServer: boolean;
}

export function finishCopyTasks(p: CopyPlaces, backup: () => SiteBackup | undefined): { tasks: Task[]; updates(): StateUpdate[] } {
  const { from, to, source, target } = p;
  const password: PasswordBox = { value: null };
  let packages: Package[] | null | undefined;
  const oldDb = from.db;
  const tasks = compact([
    p.sameServer ? {
      name: `finish switching ${to.dir} to the copy`,
      run: async () => void (await target.shell.run('switching to the copy',
        `if [ ! -e ${q(to.dir)} ] && [ -e ${q(p.staging)} ]; then mv ${q(p.staging)} ${q(to.dir)}; fi`)),
    } : null,
    readPasswordTask(target.shell, to, password),
    writeVhostTask(target.shell, to, vhostModeFor(p.site.status)),
    p.sameServer ? null : removeVhostTask(source.shell, from),
    oldDb && oldDb.name !== to.db?.name ? {
      name: `drop the old database ${oldDb.name} and user ${oldDb.user} (backed up first by ${p.copy.id}: ${backup()?.path ?? 'see its record'})`,
      run: () => oldDb.type.drop(source.shell.transport, oldDb.admin, oldDb),
    } : null,
    {
      name: `remove the old copy of the site on ${source.server.name}`,
      run: () => removeUnderRoot(source.shell, source.server, p.sameServer ? p.previous : from.dir, 'removing the old copy'),
    },
    listPackagesTask(target.shell, to, password, (found) => (packages = found)),
  ]);
  const finished: StateUpdate = {
    kind: 'site',
    name: p.site.name,
    update: (current: RecordedSite | undefined): RecordedSite | null => {
      if (!current) return null;
      const { packages: recorded, ...rest } = current;
      const inventory = packages === undefined ? recorded : packages ?? undefined;
      return {
        ...rest,
        platform: p.copy.platform,
        server: p.copy.server,
        db: to.db ? { name: to.db.name, user: to.db.user } : undefined,
        ...(inventory ? { packages: inventory } : {}),
        generation: current.generation + 1,
      };
    },
  };
  return { tasks, updates: () => [finished] };
}
