// Bringing a site's data from a backup archive into a new place: a new
// directory and a new database (with its own credentials), settings for them,
// and the target platform's database updates. Migrate, restore and clone are
// built from these tasks. The place the data came from is never touched here,
// so undoing a copy is simply removing it. Directory, database and settings
// need no answer in between: one command (fold.ts); the settings are written
// before the dump is loaded, as nothing reads them until the switch.

import { FileCopyError } from '../../transport/errors.js';
import { shellQuote as q } from '../../transport/types.js';
import type { Package } from '../../state/types.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import { fetchedBackupPath } from '../paths.js';
import type { Shell } from '../../shell/shell.js';
import type { Task } from '../types.js';
import { loadDumpFromArchive, unpackSiteFilesCommand } from './backup.js';
import type { SiteResources } from './resources.js';
import { foldTasks } from '../fold.js';
import { compact, createDatabaseTask, filledSiteDir, listPackagesTask, newSiteDirTask, runUpdateTask, writeNewSettingsTask, type PasswordBox } from './tasks.js';

/** A backup archive and the server it is on. */
export interface ArchiveAt {
  server: string;
  path: string;
}

export interface CopyOptions {
  /** A shell on the copy's server (the operation's server). */
  shell: Shell;
  /** The copy: its server, its directory (staging or final) and its new database names. */
  r: SiteResources;
  /** The site whose files the archive holds (its top-level directory in the archive). */
  sourceName: string;
  /** The archive, once it exists (a backup taken earlier in the same operation). */
  archive(): ArchiveAt;
  /** A shell on another server, to fetch the archive from. */
  shellOn(server: string): Shell;
  /** A name unique to this operation, for temporary files. */
  operationId: string;
  /** Run the platform's database updates (the data comes from other code, or an older backup). */
  update: boolean;
}

export interface SiteCopy {
  tasks: Task[];
  /** The copy's generated database password. */
  password: PasswordBox;
  /** The copy's packages, once listed (undefined before; null when the driver cannot tell). */
  packages(): Package[] | null | undefined;
}

export function copySiteTasks(o: CopyOptions): SiteCopy {
  const password: PasswordBox = { value: null };
  let local: string | undefined;
  let fetched: string | null = null;
  let packages: Package[] | null | undefined;
  const localArchive = (): string => local!;
  return {
    password,
    packages: () => packages,
    tasks: compact([
      fetchArchiveTask(o, (path, copied) => {
        local = path;
        if (copied) fetched = path;
      }),
      ...foldTasks(o.shell, compact([
        newSiteDirTask(o.shell, o.r, `unpack the site's files into ${o.r.dir}`, () => filledSiteDir(o.r, unpackSiteFilesCommand(localArchive(), o.r.dir, o.sourceName))),
        createDatabaseTask(o.shell, o.r, password),
        writeNewSettingsTask(o.shell, o.r, password),
      ])),
      o.r.db ? loadDumpTask(o.shell, o.r, localArchive) : null,
      o.update ? runUpdateTask(o.shell, o.r, password) : null,
      listPackagesTask(o.shell, o.r, password, (found) => (packages = found)),
      forgetFetchedArchiveTask(o.shell, () => fetched),
    ]),
  };
}

/** Brings the archive to the copy's server when it is on another one (the original stays where it is). */
function fetchArchiveTask(o: CopyOptions, fetched: (path: string, copied: boolean) => void): Task {
  let copied: string | null = null;
  return {
    name: 'bring the backup to the server',
    async run() {
      const { server, path } = o.archive();
      if (server === o.r.server.name) return fetched(path, false);
      // Streamed through tide (never whole in memory); the file appears only once complete.
      const dest = fetchedBackupPath(o.r.server, o.r.name, o.operationId);
      try {
        await o.shellOn(server).transport.copyFileTo(path, o.shell.transport, dest, 0o600);
      } catch (error) {
        if (error instanceof FileCopyError && error.missing) {
          throw new OperationPreconditionError(`The backup ${path} is not on ${server} any more.`, 'Pick another backup (tide backups SITE lists them).');
        }
        throw error;
      }
      copied = dest;
      fetched(copied, true);
    },
    undo: async () => void (copied && (await o.shell.run('removing the fetched backup', `rm -f ${q(copied)}`))),
  };
}

/** The fetched archive was only a means of transport: the original stays on its own server. */
function forgetFetchedArchiveTask(shell: Shell, fetched: () => string | null): Task {
  return {
    name: 'remove the fetched copy of the backup',
    run: async () => {
      const path = fetched();
      if (path) await shell.run('removing the fetched backup', `rm -f ${q(path)}`);
    },
  };
}

function loadDumpTask(shell: Shell, r: SiteResources, archive: () => string): Task {
  const db = r.db!;
  return {
    name: `load the database dump into ${db.name}`,
    // The database is new; createDatabaseTask's undo drops it.
    run: () => loadDumpFromArchive(shell, db, archive()),
  };
}

/**
 * Puts a prepared copy at the site's usual directory, keeping the current one
 * aside (`previous`) until the operation removes it; the undo swaps back.
 */
export function swapInTask(shell: Shell, live: string, staging: string, previous: string): Task {
  let tried = false;
  return {
    name: `switch ${live} to the new copy`,
    async run() {
      tried = true;
      await shell.run('switching to the new copy', `mv ${q(live)} ${q(previous)} && mv ${q(staging)} ${q(live)}`);
    },
    async undo() {
      if (!tried) return;
      // Whichever step had run: the new copy goes back to staging (its own undo removes it), the old one comes back.
      await shell.run('switching back to the previous copy',
        `if [ -e ${q(previous)} ]; then { [ ! -e ${q(live)} ] || mv ${q(live)} ${q(staging)}; } && mv ${q(previous)} ${q(live)}; fi`);
    },
  };
}
