// A site's own php-fpm pool (php.isolation: per-site). Every PHP site in one
// pool can read every other site's settings.json; an isolated site's PHP
// runs as a system user of its own, tide-<12 hex of its directory's path>
// (the same name on every run, unique on the machine), in a pool whose
// socket only the web group reaches and whose open_basedir is the site, its
// platform and a private temp directory. Its files belong to that user's
// group (permissions.ts).
//
// Making users and pools needs root: tide runs the helper examples/
// tide-php-pool (through sudo, as the web server's check and reload), which
// checks every argument against the deploy user's own root and names.
// `ensure` is idempotent (verify uses it to repair a pool), prints whether it
// created the pool, and the socket its pool listens on, which must be where
// the vhost points (Server php.poolSocketDir).

import { createHash } from 'node:crypto';
import type { Server } from '../../model/kinds.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import type { Shell } from '../../shell/shell.js';
import { shellQuote as q } from '../../transport/types.js';
import { siteDir } from '../paths.js';
import type { Task } from '../types.js';

export interface SitePool {
  /** The pool's system user, whose group the site's files belong to. */
  user: string;
  /** Absolute path of the pool's unix socket. */
  socket: string;
}

/** The pool of `site` on `server`: named after the site's usual directory, so a staging copy shares it. */
export function sitePool(server: Server, site: string): SitePool {
  const user = `tide-${createHash('sha256').update(siteDir(server, site)).digest('hex').slice(0, 12)}`;
  return { user, socket: `${server.php.poolSocketDir.replace(/\/+$/, '')}/${user}.sock` };
}

/** The helper as the login user runs it: through `sudo -n` when check and reload are. */
export function poolHelperCommand(server: Server, args: string[]): string {
  const helper = q(server.php.poolHelper);
  return `${server.services.http.sudo ? `sudo -n ${helper}` : helper} ${args.map(q).join(' ')}`;
}

interface PoolSite {
  name: string;
  server: Server;
  platformDir: string;
  pool: SitePool | null;
}

/**
 * Makes or repairs the site's pool. The undo removes a pool it created, and
 * puts a changed one back to `previous` (a migrate's old platform).
 */
export function ensurePoolTask(shell: Shell, site: PoolSite, previous?: PoolSite): Task | null {
  const { pool } = site;
  if (!pool) return null;
  let outcome: string | undefined;
  return {
    name: `ensure php-fpm pool ${pool.user} for ${site.name}`,
    async run() {
      outcome = await ensurePool(shell, site, pool);
    },
    async undo() {
      if (outcome === 'created') await deletePool(shell, site.server, pool.user);
      else if (outcome === 'updated' && previous?.pool?.user === pool.user) await ensurePool(shell, previous, pool);
    },
  };
}

async function ensurePool(shell: Shell, site: PoolSite, pool: SitePool): Promise<string> {
  const result = await shell.run(`making the php-fpm pool of ${site.name}`,
    poolHelperCommand(site.server, ['ensure', pool.user, siteDir(site.server, site.name), site.platformDir]));
  const [outcome, socket] = result.stdout.trim().split(/\s+/);
  if (socket !== `socket=${pool.socket}`) {
    throw new OperationPreconditionError(
      `The pool helper on ${site.server.name} made ${pool.user}'s socket at ${socket?.replace(/^socket=/, '') ?? '(it printed none)'}, but the vhost would pass PHP to ${pool.socket}.`,
      `Set php.poolSocketDir on Server ${site.server.name} to the socket_dir of the helper's settings (examples/prepare-server.sh --php-socket-dir).`);
  }
  return outcome ?? '';
}

async function deletePool(shell: Shell, server: Server, user: string): Promise<void> {
  await shell.run(`removing the php-fpm pool ${user}`, poolHelperCommand(server, ['delete', user]));
}

/** Removes the pool and its user (after the site's files are gone, or once the site is back in the shared pool). */
export function removePoolTask(shell: Shell, site: PoolSite): Task | null {
  const { pool } = site;
  if (!pool) return null;
  return {
    name: `remove php-fpm pool ${pool.user} of ${site.name} and its user`,
    run: () => deletePool(shell, site.server, pool.user),
  };
}

/**
 * A recorded site moving into or out of its own pool (verify, rename): the
 * pool is made (or repaired) first, since its group goes on the files; a pool
 * the site leaves goes last, once the vhost points at the shared one.
 */
export function poolSwitchTasks(shell: Shell, site: PoolSite, recorded: PoolSite): { first: Task | null; last: Task | null } {
  return { first: ensurePoolTask(shell, site), last: recorded.pool && !site.pool ? removePoolTask(shell, recorded) : null };
}
