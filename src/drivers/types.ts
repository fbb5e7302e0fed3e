// A driver knows an application: how to install a site of it, and (later)
// update, list packages, run cron, make a login link. One folder or file per
// driver, one interface, one registry (index.ts).

import type { Platform, PlatformDriver } from '../model/kinds.js';
import type { Shell } from '../operations/shell.js';

/** What a site is, as its application sees it (env TIDE_* and handlebars variables). */
export interface SiteFacts {
  site: { name: string; url: string; dir: string; profile: string };
  /** Null when the site has no database. */
  db: { host: string; port: number; name: string; user: string; password: string } | null;
}

export interface DriverContext {
  shell: Shell;
  platform: Platform;
  /** Absolute directory of the platform's code on the server. */
  platformDir: string;
  facts: SiteFacts;
}

export interface Driver {
  name: PlatformDriver;
  /** Whether its sites get a database (when the server has a db service). */
  usesDatabase: boolean;
  /** Whether its vhost passes requests to php-fpm. */
  usesPhp: boolean;
  /** Runs the application's installer for a new site, after its database and settings exist. */
  install(ctx: DriverContext): Promise<void>;
}
