// Aegir's permission model for a site directory: the deploy user owns it,
// the web group (the Server's webGroup, www-data on Debian) reads it, and
// only files/ is writable by the web group.
//
//   DIR                 deploy:web  2750  setgid: files written later keep the group
//   DIR/settings.json   deploy:web  0640  readable by PHP and by no one else
//   DIR/files/          deploy:web  2770  uploads, written by PHP
//   anything else       g+r, g-w, o-rwx; directories setgid
//
// Only what the deploy user owns is changed: an upload PHP wrote belongs to
// the web server's user, and an unprivileged user cannot chown anything
// (chgrp to a group it belongs to, it can). Symbolic links are left alone:
// chmod would follow them out of the directory.
//
// A site with its own PHP pool (php.isolation: per-site, pool.ts) has the
// same modes with the pool user's group, tide-<hex>, in place of the web
// group: settings.json is then readable by its own PHP and the deploy user
// only, not by the web server, the shared pool or another site's pool.
// nginx never enters a site directory (it serves the platform's docroot and
// hands the site directory to PHP), so 2750 keeps it out too. The pool
// helper adds the deploy user to that group, but a login made before does
// not have it yet: the command then runs under `sg GROUP` (which reads
// /etc/group afresh), so chgrp and the setgid bit work at once.

import { fileCallCommand, newFileId } from '../../transport/shell-loops.js';
import { shellQuote as q, type StdinFile } from '../../transport/types.js';
import { SETTINGS_FILE } from '../paths.js';

export const SITE_DIR_MODE = '2750';
export const FILES_DIR_MODE = '2770';
export const SETTINGS_MODE = '640';
export const FILES_DIR = 'files';

/** Shell that gives a site directory (and its files/) the model above; run as the deploy user (`viaSg`: under `sg group`). */
export function sitePermissionsCommand(dir: string, group: string | undefined, { viaSg = false } = {}): string {
  const command = permissionsCommand(dir, group);
  return viaSg && group ? `sg ${q(group)} -c ${q(command)}` : command;
}

/**
 * Makes a site directory (an install's: nothing in it to look for, so no
 * find) with the model at once, as a hand-written script would: `install -d`
 * (coreutils) makes it closed (02700; its parents, if any, get the usual
 * mode, as with mkdir -p), gives it the group, then its mode: one process
 * where mkdir, chgrp and chmod take three. files/ is made in it with its
 * mode (`mkdir -m` sets the setgid bit too; the directory's setgid gives it
 * the group). Where the perl loop runs the command it makes both itself,
 * the same way (ExecOptions.files): no process at all. Not under `sg`: the
 * loop's own groups are the login's, without a pool group added since.
 */
export function newSiteDirCommand(dir: string, group: string | undefined, { viaSg = false } = {}): { command: string; files: StdinFile[] } {
  const d = q(dir);
  const files = q(`${dir}/${FILES_DIR}`);
  const command = `install -d ${group ? `-g ${q(group)} ` : ''}-m ${SITE_DIR_MODE} ${d} && mkdir -m ${FILES_DIR_MODE} ${files}`;
  if (viaSg && group) return { command: `sg ${q(group)} -c ${q(command)}`, files: [] };
  const made: StdinFile[] = [
    { id: newFileId(), op: 'dir', path: dir, mode: parseInt(SITE_DIR_MODE, 8), ...(group ? { group } : {}), at: 0, length: 0 },
    { id: newFileId(), op: 'dir', path: `${dir}/${FILES_DIR}`, mode: parseInt(FILES_DIR_MODE, 8), at: 0, length: 0 },
  ];
  return { command: fileCallCommand(made.map((f) => f.id), command), files: made };
}

function permissionsCommand(dir: string, group: string | undefined): string {
  const d = q(dir);
  const files = q(`${dir}/${FILES_DIR}`);
  const mine = '-user "$(id -u)" ! -type l';
  return [
    `mkdir -p ${files}`,
    ...(group ? [`find ${d} ${mine} ! -group ${q(group)} -exec chgrp ${q(group)} {} +`] : []),
    `find ${d} -path ${files} -prune -o ${mine} ${fixModes({ dir: '2750', file: '0640', never: '0027' }, 'u+rwx,g+rxs,g-w,o-rwx', 'u+rw,g+r,g-w,o-rwx')}`,
    `find ${files} ${mine} ${fixModes({ dir: '2770', file: '0660', never: '0007' }, 'u+rwx,g+rwxs,o-rwx', 'u+rw,g+rw,o-rwx')}`,
    `{ [ ! -f ${q(`${dir}/${SETTINGS_FILE}`)} ] || chmod 0${SETTINGS_MODE} ${q(`${dir}/${SETTINGS_FILE}`)}; }`,
  ].join(' && ');
}

/**
 * find's test-and-chmod for directories and everything else: only what lacks
 * a bit of `dir`/`file` or has one of `never` is changed, so a verify of a
 * site already in order writes nothing (10,000 files: no chmod at all).
 */
function fixModes(want: { dir: string; file: string; never: string }, dirMode: string, fileMode: string): string {
  return `\\( -type d \\( ! -perm -${want.dir} -o -perm /${want.never} \\) -exec chmod ${dirMode} {} + ` +
    `-o ! -type d \\( ! -perm -${want.file} -o -perm /${want.never} \\) -exec chmod ${fileMode} {} + \\)`;
}

/** Prints "MODE GROUP" of the directory, settings.json and files/ (one line each; nothing for a missing one). */
export function sitePermissionsProbe(dir: string): string {
  return [dir, `${dir}/${SETTINGS_FILE}`, `${dir}/${FILES_DIR}`]
    .map((path) => `{ stat -c '%a %G' ${q(path)} 2>/dev/null || echo missing; }`).join('; ');
}

/** What differs from the model, in words, from sitePermissionsProbe's output. */
export function sitePermissionsDrift(probe: string, group: string | undefined): string[] {
  const [dir, settings, files] = probe.trim().split('\n');
  const drift: string[] = [];
  const check = (what: string, line: string | undefined, mode: string) => {
    if (!line || line === 'missing') return void drift.push(`${what} is missing`);
    const [found, owner] = line.split(' ');
    if (found !== mode) drift.push(`${what} has mode ${found}, not ${mode}`);
    if (group && owner !== group) drift.push(`${what} belongs to group ${owner}, not ${group}`);
  };
  if (!dir || dir === 'missing') return drift;
  check('the site directory', dir, SITE_DIR_MODE);
  if (settings !== 'missing') check(SETTINGS_FILE, settings, SETTINGS_MODE);
  check(`${FILES_DIR}/`, files, FILES_DIR_MODE);
  return drift;
}
