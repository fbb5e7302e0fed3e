// What an operation keeps on a server for a while, all named by its record
// id: a staging copy of the site, a backup being put together, a backup
// fetched from another server, a dump being loaded. Recovery removes them
// once the operation is known to be dead. A backup the operation finished is
// kept and recorded (adopted): the record that would have listed it was never
// committed, and an unrecorded archive is neither restorable nor pruned.

import type { Server } from '../../model/kinds.js';
import type { SiteBackup } from '../../state/types.js';
import { shellQuote as q } from '../../transport/types.js';
import { tempGlob } from '../../transport/remote-shell.js';
import type { Shell } from '../../shell/shell.js';
import { fetchedBackupPath, siteBackupPath, siteBackupsDir, siteBackupStagingDir, siteStagingDir } from '../paths.js';
import type { StateUpdate, Task } from '../types.js';
import { backupRecorded, DB_DUMP_NAME } from './backup.js';

/** Removes what operation `id` on `site` may have left on `server` (never the site itself, nor a finished backup). */
export function removeLeftoversTask(shell: Shell, server: Server, site: string, id: string): Task {
  const paths = [
    siteStagingDir(server, site, 'migrate', id), siteStagingDir(server, site, 'restore', id), siteBackupStagingDir(server, site, id),
    `${siteBackupPath(server, site, id)}.tmp`, fetchedBackupPath(server, site, id),
  ];
  // A dump being loaded sits beside its archive; only one operation works on a site at a time.
  const loading = `${q(siteBackupsDir(server, site))}/*.load-*-${DB_DUMP_NAME}`;
  // An archive cut off while it was copied in is still under its temp name.
  const receiving = [`${siteBackupPath(server, site, id)}.tmp`, fetchedBackupPath(server, site, id)].map(tempGlob);
  return {
    name: `remove what ${id} left of ${site} on ${server.name}`,
    run: async () => void (await shell.run('removing leftovers', `rm -rf ${paths.map(q).join(' ')} ${loading} ${receiving.join(' ')}`)),
  };
}

export interface AdoptedBackup {
  task: Task;
  /** The backup, once found complete on the server. */
  found(): SiteBackup | undefined;
  /** Records it on the site (none when it was never finished). */
  recorded(): StateUpdate[];
}

/** The backup operation `id` took of `site` on `server`, if it was finished (the archive gets its name only once complete). */
export async function finishedBackup(shell: Shell, server: Server, site: string, id: string, at: string): Promise<SiteBackup | undefined> {
  const path = siteBackupPath(server, site, id);
  const result = await shell.probe(`test -f ${q(path)} && stat -c %s ${q(path)} && sha256sum ${q(path)}`);
  if (result.exitCode !== 0) return undefined;
  const [size, sum] = result.stdout.trim().split('\n');
  return { id, path, server: server.name, at, size: Number(size), sha256: sum!.split(/\s+/)[0]! };
}

/** Records the backup operation `id` took of `site` on `server`, when it was finished. */
export function adoptBackupStep(shell: Shell, server: Server, site: string, id: string, at: string): AdoptedBackup {
  let found: SiteBackup | undefined;
  return {
    task: {
      name: `record the backup ${siteBackupPath(server, site, id)} if it was finished`,
      run: async () => void (found = await finishedBackup(shell, server, site, id, at)),
    },
    found: () => found,
    recorded: () => (found ? [backupRecorded(site, found)] : []),
  };
}
