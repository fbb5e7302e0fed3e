// Everything a site has on its server, worked out once per operation: its
// directory, settings, database names, vhost path and content.

import { driverFor } from '../../drivers/index.js';
import type { Driver, SiteFacts } from '../../drivers/types.js';
import type { PhpIsolation, Platform, Server } from '../../model/kinds.js';
import { dbServiceType } from '../../services/db/index.js';
import { siteDatabaseNames } from '../../services/db/mariadb/index.js';
import type { DbAdmin, DbServiceType } from '../../services/db/types.js';
import { httpServiceType } from '../../services/http/index.js';
import type { HttpServiceType } from '../../services/http/types.js';
import { effectiveVars, phpIsolation, type SiteSpec } from '../../state/spec.js';
import { OperationPreconditionError } from '../../shell/errors.js';
import { platformDir, serverDirs, SETTINGS_FILE, siteDir } from '../paths.js';
import type { OperationContext } from '../types.js';
import { sitePool, type SitePool } from './pool.js';

/**
 * The parts of a site spec that shape its files and vhost (desired or
 * recorded). `db` is the recorded database: after a migrate or restore it is
 * a copy's (`…_c3`), not the name derived from the site's.
 */
export type SiteShape = Pick<SiteSpec, 'url' | 'aliases' | 'redirectAliases' | 'profile' | 'platform'> & {
  https?: SiteSpec['https'];
  vars?: SiteSpec['vars'];
  db?: { name: string; user: string };
};

export interface SiteResources {
  name: string;
  server: Server;
  platform: Platform;
  driver: Driver;
  dir: string;
  settingsPath: string;
  platformDir: string;
  /** Null when the site has no database (static driver, or no db service). */
  db: { type: DbServiceType; admin: DbAdmin; name: string; user: string } | null;
  /** Null when the server has no http service. */
  http: { type: HttpServiceType; path: string } | null;
  /** How its PHP runs (recorded as is, even for a site without PHP). */
  isolation: PhpIsolation;
  /** Its own php-fpm pool (per-site isolation of a PHP site served by a web server); null in the shared pool. */
  pool: SitePool | null;
  /** The group its files belong to: its pool user's, or the web group (permissions.ts). */
  group: string | undefined;
  shape: SiteShape;
}

/** What resolving a site's resources needs: the fleet, the server and its database admin password. */
export type ResourceContext = Pick<OperationContext, 'desired' | 'server' | 'dbAdminPassword'>;

export interface ResourceOptions {
  /** Where the site's files are, when not (yet) at their usual place (a migrate's staging copy). */
  dir?: string;
  /** How its PHP runs, when not as the fleet says now (a recorded site: recordedIsolation). */
  isolation?: PhpIsolation;
}

/** How a recorded site's PHP runs, as recorded (the fleet may want it changed). */
export const recordedIsolation = (site: Pick<SiteSpec, 'phpIsolation'>): PhpIsolation => site.phpIsolation ?? 'shared';

export function siteResources(ctx: ResourceContext, name: string, shape: SiteShape, options: ResourceOptions = {}): SiteResources {
  const { dir = siteDir(ctx.server, name) } = options;
  const { server } = ctx;
  const platform = ctx.desired.platforms.get(shape.platform);
  if (!platform) {
    throw new OperationPreconditionError(`Site ${name} runs on platform ${shape.platform}, which is no longer in the fleet.`,
      'Keep the platform in the fleet until its sites have moved or been deleted.');
  }
  const driver = driverFor(platform.driver);
  const { db: dbConfig, http: httpConfig } = server.services;
  const db = driver.usesDatabase && dbConfig.type !== 'none'
    ? { type: dbServiceType(dbConfig.type), admin: { config: dbConfig, password: ctx.dbAdminPassword() }, ...(shape.db ?? siteDatabaseNames(name)) }
    : null;
  const http = httpConfig.type === 'none' ? null : (() => {
    const type = httpServiceType(httpConfig.type);
    return { type, path: type.vhostPath(httpConfig, name) };
  })();
  const isolation = options.isolation ?? phpIsolation(server, platform);
  const pool = isolation === 'per-site' && driver.usesPhp && http ? sitePool(server, name) : null;
  return {
    name, server, platform, driver, dir, settingsPath: `${dir}/${SETTINGS_FILE}`, platformDir: platformDir(server, platform.name), db, http,
    isolation, pool, group: pool?.user ?? server.webGroup, shape,
  };
}

export function siteFacts(r: SiteResources, password: string | null): SiteFacts {
  const { db } = r;
  const https = Boolean(r.shape.https);
  const scheme = https ? 'https' : 'http';
  const { port: httpPort, httpsPort } = r.server.services.http;
  const port = https ? httpsPort : httpPort;
  // The scheme's own port stays out of the URL, as a browser would print it.
  const defaultPort = https ? 443 : 80;
  const baseUrl = `${scheme}://${r.shape.url}${port === defaultPort || port === undefined ? '' : `:${port}`}`;
  return {
    site: { name: r.name, url: r.shape.url, dir: r.dir, profile: r.shape.profile, https, scheme, port: port ?? defaultPort, baseUrl },
    vars: effectiveVars(r.platform.vars, r.shape.vars) ?? {},
    db: db && password !== null
      ? { host: db.admin.config.host, port: db.admin.config.port, name: db.name, user: db.user, password }
      : null,
  };
}

/** What a site's vhost serves: the site, the "site disabled" page, or the maintenance page. */
export type VhostMode = 'live' | 'disabled' | 'maintenance';

export const vhostModeFor = (status: string): VhostMode => (status === 'disabled' ? 'disabled' : 'live');

export function renderSiteVhost(r: SiteResources, mode: VhostMode): string {
  if (!r.http) throw new Error('renderSiteVhost: the server has no http service');
  const http = r.server.services.http;
  const docroot = r.platform.docroot === '.' ? r.platformDir : `${r.platformDir}/${r.platform.docroot.replace(/^\.\/|\/$/g, '')}`;
  return r.http.type.renderVhost({
    site: r.name,
    url: r.shape.url,
    aliases: r.shape.aliases,
    redirectAliases: r.shape.redirectAliases,
    https: r.shape.https,
    port: http.port,
    httpsPort: http.httpsPort,
    docroot,
    siteDir: r.dir,
    fastcgi: !r.driver.usesPhp ? null : r.pool ? `unix:${r.pool.socket}` : (http.fastcgi ?? null),
    disabled: mode !== 'live',
    disabledDir: mode === 'maintenance' ? serverDirs(r.server).maintenance : serverDirs(r.server).disabled,
  });
}
