// A site backup: its directory and a dump of its database in one archive,
// kept in the server's backups directory (backups/<site>/<id>.tar.gz).

import { shellQuote as q } from '../../transport/types.js';
import type { SiteBackup } from '../../state/types.js';
import { LONG_TIMEOUT_MS, type Shell } from '../shell.js';
import type { Task } from '../types.js';
import { siteBackupsDir } from '../paths.js';
import type { SiteResources } from './resources.js';

export const DB_DUMP_NAME = 'database.sql.gz';

export function backupTask(shell: Shell, r: SiteResources, id: string, at: () => Date, taken: (backup: SiteBackup) => void): Task {
  const dir = siteBackupsDir(r.server, r.name);
  const path = `${dir}/${id}.tar.gz`;
  const staging = `${dir}/.${id}`;
  return {
    name: `back up to ${path}`,
    async run() {
      await shell.run('preparing the backup', `mkdir -p ${q(staging)} && chmod 0700 ${q(dir)}`);
      try {
        const members = [`-C ${q(`${r.dir}/..`)} ${q(r.name)}`];
        if (r.db) {
          await r.db.type.dump(shell.transport, r.db.admin, r.db.name, `${staging}/${DB_DUMP_NAME}`);
          members.push(`-C ${q(staging)} ${DB_DUMP_NAME}`);
        }
        const result = await shell.run('writing the backup archive',
          `tar -czf ${q(`${path}.tmp`)} ${members.join(' ')} && mv ${q(`${path}.tmp`)} ${q(path)} && stat -c %s ${q(path)} && sha256sum ${q(path)}`,
          { timeoutMs: LONG_TIMEOUT_MS });
        const [size, sum] = result.stdout.trim().split('\n');
        taken({ id, path, at: at().toISOString(), size: Number(size), sha256: sum!.split(/\s+/)[0]! });
      } finally {
        await shell.probe(`rm -rf ${q(staging)} ${q(`${path}.tmp`)}`);
      }
    },
    // A backup is kept even when the operation rolls back: it is the safety net.
  };
}
