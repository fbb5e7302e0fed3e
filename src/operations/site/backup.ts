// A site backup: its directory and a dump of its database in one archive,
// kept in the server's backups directory (backups/<site>/<id>.tar.gz), then
// the site's retention policy (`backups: { keep }`) applied.

import { shellQuote as q } from '../../transport/types.js';
import type { RecordedSite, SiteBackup } from '../../state/types.js';
import { commandTimeoutMs, type Shell } from '../../shell/shell.js';
import type { PeerServer, StateUpdate, Task } from '../types.js';
import { siteBackupPath, siteBackupsDir, siteBackupStagingDir } from '../paths.js';
import { backupArchivePath, removeUnderRoot } from '../targets.js';
import type { SiteResources } from './resources.js';

export const DB_DUMP_NAME = 'database.sql.gz';

export function backupTask(shell: Shell, r: SiteResources, id: string, at: () => Date, taken: (backup: SiteBackup) => void): Task {
  const dir = siteBackupsDir(r.server, r.name);
  const path = siteBackupPath(r.server, r.name, id);
  const staging = siteBackupStagingDir(r.server, r.name, id);
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
          { timeoutMs: commandTimeoutMs() });
        const [size, sum] = result.stdout.trim().split('\n');
        taken({ id, path, server: r.server.name, at: at().toISOString(), size: Number(size), sha256: sum!.split(/\s+/)[0]! });
      } finally {
        await shell.probe(`rm -rf ${q(staging)} ${q(`${path}.tmp`)}`);
      }
    },
    // A backup is kept even when the operation rolls back: it is the safety net.
  };
}

/** Which recorded backups a retention policy keeps: the newest `keep`, counting a backup just taken. */
export function retain(backups: readonly SiteBackup[], keep: number | undefined): { kept: SiteBackup[]; removed: SiteBackup[] } {
  const newestFirst = [...backups].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  if (keep === undefined) return { kept: newestFirst.reverse(), removed: [] };
  return { kept: newestFirst.slice(0, keep).reverse(), removed: newestFirst.slice(keep) };
}

/** A backup that also applies the retention policy once it is taken, and records both. */
export interface SiteBackupStep {
  tasks: Task[];
  /** The backup taken, once it is. */
  taken(): SiteBackup | undefined;
  /** Records the backup (and forgets the ones retention removed); kept even when the operation rolls back. */
  recorded(): StateUpdate[];
}

/**
 * `peer(server)`: the server a backup archive is on, with a shell there
 * (older backups stay where the site was when they were taken). `spare`: a
 * backup id retention must keep (it counts towards `keep`).
 */
export function siteBackupStep(shell: Shell, r: SiteResources, site: RecordedSite, id: string, at: () => Date,
  peer: (server: string) => Pick<PeerServer, 'server' | 'shell'>, { spare }: { spare?: string } = {}): SiteBackupStep {
  let backup: SiteBackup | undefined;
  let removed: SiteBackup[] = [];
  const keep = site.backupPolicy?.keep;
  const prune: Task = {
    name: `keep the newest ${keep} backups`,
    async run() {
      // `spare`: the backup a restore is bringing back is never the one retention removes.
      const candidates = [...(site.backups ?? []), backup!].filter((b) => b.id !== spare);
      removed = retain(candidates, keep === undefined || spare === undefined ? keep : Math.max(keep - 1, 0)).removed;
      for (const old of removed) {
        // The archive tide names for this backup, never the path the record gives.
        const on = peer(old.server ?? site.server);
        await removeUnderRoot(on.shell, on.server, backupArchivePath(on.server, site.name, old), 'removing an old backup');
      }
    },
  };
  return {
    tasks: [backupTask(shell, r, id, at, (b) => (backup = b)), ...(keep === undefined ? [] : [prune])],
    taken: () => backup,
    recorded: () => (backup ? [backupRecorded(site.name, backup, removed)] : []),
  };
}

/** Adds a backup to the site's record (and forgets the ones retention removed). */
export function backupRecorded(name: string, backup: SiteBackup, removed: readonly SiteBackup[] = []): StateUpdate {
  const gone = new Set(removed.map((b) => b.id));
  return {
    kind: 'site',
    name,
    update: (current: RecordedSite | undefined) => current
      ? { ...current, backups: [...(current.backups ?? []).filter((b) => !gone.has(b.id) && b.id !== backup.id), backup] }
      : null,
  };
}

/** Shell that unpacks the site directory of `site` inside a backup archive into `dir` (which exists). */
export function unpackSiteFilesCommand(archive: string, dir: string, site: string): string {
  return `tar -xzf ${q(archive)} -C ${q(dir)} --strip-components=1 --no-same-owner ${q(site)}`;
}

/** Creates the site's database and user again (same names and password) and loads the archive's dump into it. */
export async function recreateDatabaseFromArchive(shell: Shell, db: NonNullable<SiteResources['db']>, password: string, archive: string): Promise<void> {
  await db.type.create(shell.transport, db.admin, { name: db.name, user: db.user, password });
  await loadDumpFromArchive(shell, db, archive);
}

/** Loads the database dump inside a backup archive into a (new, empty) database. */
export async function loadDumpFromArchive(shell: Shell, db: NonNullable<SiteResources['db']>, archive: string): Promise<void> {
  const dump = `${archive}.load-${db.name}-${DB_DUMP_NAME}`;
  await shell.run('extracting the database dump', `tar -xzOf ${q(archive)} ${DB_DUMP_NAME} > ${q(dump)}`, { timeoutMs: commandTimeoutMs() });
  try {
    await db.type.load(shell.transport, db.admin, db.name, dump);
  } finally {
    await shell.probe(`rm -f ${q(dump)}`);
  }
}
