// Per-site PHP isolation holds only against sites that do not run as the web
// server's user. Pool sockets belong to the web server's group (that is how
// nginx reaches them) and php-fpm obeys PHP_ADMIN_VALUE from whoever
// connects, so PHP in the shared pool (www-data on Debian, the web server's
// user) can run code in any isolated pool on its server. A plan that puts a
// site into or out of its own pool next to sites of the other kind says so
// on that site's first operation, for the reviewer to decide.

import type { DesiredState } from '../model/kinds.js';
import { phpIsolation } from '../state/spec.js';
import type { RecordedState } from '../state/types.js';
import type { SiteMove } from './sites.js';

interface ServerPhpSites {
  shared: string[];
  isolated: string[];
}

/** Adds the mixed-isolation warning to the first operation of every site that changes pool next to sites of the other kind. */
export function warnMixedIsolation(desired: DesiredState, recorded: RecordedState, moves: ReadonlyMap<string, SiteMove>): void {
  // Every site's pool is gathered only for a plan that moves one (an applied fleet has none).
  let servers: Map<string, ServerPhpSites> | undefined;
  for (const move of moves.values()) {
    const first = move.chain[0];
    if (!first || !move.to || move.deleted || !runsPhp(desired, move.to.platform)) continue;
    const isolation = phpIsolation(desired.servers.get(move.to.server), desired.platforms.get(move.to.platform));
    const before = recorded.sites.get(move.site);
    const unchanged = before?.server === move.to.server && (before.phpIsolation ?? 'shared') === isolation;
    if (unchanged) continue;
    servers ??= phpSitesByServer(desired, recorded, moves);
    const sites = servers.get(move.to.server);
    const others = (isolation === 'per-site' ? sites?.shared : sites?.isolated)?.filter((s) => s !== move.site) ?? [];
    if (others.length === 0) continue;
    first.warnings.push(isolation === 'per-site'
      ? `${move.to.server} also runs PHP sites in the shared pool as the web server's user (${listed(others)}): their code can still ` +
        `run code in this site's pool (php-fpm takes PHP_ADMIN_VALUE from whoever connects to its socket); set php.isolation: per-site ` +
        `on the Server to isolate every site, or run the shared pool as another user than the web server's`
      : `this site's PHP runs in the shared pool as the web server's user, which can run code in the isolated pools of ` +
        `${listed(others)} on ${move.to.server} (php-fpm takes PHP_ADMIN_VALUE from whoever connects to a pool's socket); ` +
        `give it per-site isolation too, or run the shared pool as another user than the web server's`);
  }
}

/** The PHP sites each server will run, by pool, once the plan is applied. */
function phpSitesByServer(desired: DesiredState, recorded: RecordedState, moves: ReadonlyMap<string, SiteMove>): Map<string, ServerPhpSites> {
  const servers = new Map<string, ServerPhpSites>();
  for (const move of moves.values()) {
    if (move.deleted) continue;
    // A site whose file is gone while prune is off stays where it is, in the pool it was recorded in.
    const where = move.to ?? move.from;
    if (!where || !runsPhp(desired, where.platform)) continue;
    const isolation = move.to
      ? phpIsolation(desired.servers.get(where.server), desired.platforms.get(where.platform))
      : recorded.sites.get(move.site)?.phpIsolation ?? 'shared';
    let sites = servers.get(where.server);
    if (!sites) servers.set(where.server, sites = { shared: [], isolated: [] });
    (isolation === 'per-site' ? sites.isolated : sites.shared).push(move.site);
  }
  return servers;
}

function runsPhp(desired: DesiredState, platform: string): boolean {
  const driver = desired.platforms.get(platform)?.driver;
  return driver !== undefined && driver !== 'static';
}

function listed(sites: string[]): string {
  const shown = sites.slice(0, 3).join(', ');
  return sites.length > 3 ? `${shown} and ${sites.length - 3} more` : shown;
}
