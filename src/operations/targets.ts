// What tide may remove on a server, and the one way it removes. A record on
// the state branch is data that anyone who can push that branch may have
// written, so a destructive target is never taken from it as it is:
//   - directories and backup archives are derived from the fleet's server
//     root and names tide gives (ROOT/platforms/NAME, ROOT/sites/NAME,
//     ROOT/backups/SITE/ID.tar.gz); a record that says otherwise is refused;
//   - a site's database and user must be names the naming scheme gives that
//     site (copy 1 up to its generation + 1), and never the server's own;
//   - every removal is checked on the server, after `..` and symbolic links,
//     to lie under the server's root, in the same command that removes it.

import { posix } from 'node:path';
import type { DesiredState, Server } from '../model/kinds.js';
import { checkSiteOwned, siteDatabaseNames } from '../services/db/mariadb/sql.js';
import { CommandFailedError } from '../shell/errors.js';
import type { Shell } from '../shell/shell.js';
import { platformStatePath, siteStatePath } from '../state/layout.js';
import type { RecordedPlatform, RecordedSite, SiteBackup } from '../state/types.js';
import { shellQuote as q } from '../transport/types.js';
import { OutsideRootError, UntrustedStateError } from './errors.js';
import { platformDir, serverDirs, siteBackupPath } from './paths.js';

/** Where a platform's code is on a server; a record that puts it anywhere else is refused. */
export function platformCodeDir(server: Server, name: string, recorded: RecordedPlatform | undefined): string {
  const dir = platformDir(server, name);
  const path = recorded?.deployments[server.name]?.path;
  if (path !== undefined && path !== dir) {
    throw new UntrustedStateError(platformStatePath(name), `puts platform ${name}'s code on ${server.name} at ${path}, but tide keeps it at ${dir}`);
  }
  return dir;
}

/** Backup ids are operation record ids: a single path segment. */
const BACKUP_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Where a recorded backup's archive is on `server` (where it was taken); a record that puts it anywhere else is refused. */
export function backupArchivePath(server: Server, site: string, backup: SiteBackup): string {
  if (!BACKUP_ID.test(backup.id)) {
    throw new UntrustedStateError(siteStatePath(site), `records a backup id ${JSON.stringify(backup.id)} that tide never gives`);
  }
  const path = siteBackupPath(server, site, backup.id);
  if (backup.path !== path) {
    throw new UntrustedStateError(siteStatePath(site), `puts backup ${backup.id} at ${backup.path}, but tide keeps it at ${path} on ${server.name}`);
  }
  return path;
}

/** The site's recorded database and user, when they are names tide gives this site (and not the server's own). */
export function recordedSiteDatabase(site: RecordedSite): { name: string; user: string } | undefined {
  const { db } = site;
  if (!db) return undefined;
  // A copy's names end in _cN; a site's own name may end so too, hence both readings.
  const copy = /_c([0-9]{1,9})$/.exec(db.name);
  const copies = copy ? [1, Number(copy[1])] : [1];
  const ours = copies.some((n) => {
    const expected = siteDatabaseNames(site.name, n);
    return n <= site.generation + 1 && expected.name === db.name && expected.user === db.user;
  });
  if (!ours) {
    throw new UntrustedStateError(siteStatePath(site.name), `names database ${db.name} and user ${db.user} for site ${site.name}, which are not names tide gives it`);
  }
  checkSiteOwned(db);
  return db;
}

/**
 * Checks everything a recorded site names that an operation could remove:
 * its database, and each backup whose server is still in the fleet (one that
 * is not cannot be reached anyway).
 */
export function checkRecordedSite(desired: DesiredState, site: RecordedSite): void {
  recordedSiteDatabase(site);
  for (const backup of site.backups ?? []) {
    const server = desired.servers.get(backup.server ?? site.server);
    if (server) backupArchivePath(server, site.name, backup);
  }
}

/** Exit status of the removal command when the target does not resolve under the root. */
const OUTSIDE_ROOT = 97;

/**
 * Shell that removes `path` only if, once symbolic links and `..` are
 * resolved, its directory lies under `root` and it is not itself a link.
 * `cd -P` and `pwd -P` are POSIX, so this runs wherever the transport's shell
 * does. A path whose directory does not exist has nothing to remove.
 */
function removeCommand(root: string, path: string): string {
  const base = q(posix.basename(path));
  return [
    `root=$(cd -P -- ${q(root)} 2>/dev/null && pwd -P) || exit 0`,
    `dir=$(cd -P -- ${q(posix.dirname(path))} 2>/dev/null && pwd -P) || exit 0`,
    `case "$dir/" in "$root"/*) ;; *) echo "it resolves to $dir/"${base}", outside the server's root $root" >&2; exit ${OUTSIDE_ROOT} ;; esac`,
    `if [ -L "$dir"/${base} ]; then echo "it is a symbolic link to $(readlink -- "$dir"/${base})" >&2; exit ${OUTSIDE_ROOT}; fi`,
    `rm -rf -- "$dir"/${base}`,
  ].join('\n');
}

/**
 * Removes a directory or file tide derived under the server's root, refusing
 * (OutsideRootError, nothing removed) one that is not there once resolved on
 * the server. `what` names the step in errors and the log.
 */
export async function removeUnderRoot(shell: Shell, server: Server, path: string, what: string): Promise<void> {
  const { root } = serverDirs(server);
  const segments = path.split('/');
  if (root === '' || !path.startsWith(`${root}/`) || segments.some((s) => s === '..' || s === '.')) {
    throw new OutsideRootError(server.name, path, `it is not under the server's root ${root || '/'}`);
  }
  const command = removeCommand(root, path);
  const result = await shell.probe(command);
  if (result.exitCode === OUTSIDE_ROOT) throw new OutsideRootError(server.name, path, result.stderr.trim() || 'it resolves outside the server\'s root');
  if (result.exitCode !== 0) throw new CommandFailedError(server.name, what, command, result.exitCode, result.stderr);
}
