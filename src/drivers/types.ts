// A driver knows an application: how to install a site of it, bring its
// database up to date after a migrate, list its packages, run its cron and
// make a one-time login link. One folder or file per driver, one interface,
// one registry (index.ts).

import type { Platform, PlatformDriver } from '../model/kinds.js';
import type { Shell } from '../shell/shell.js';
import type { Package } from '../state/types.js';

/** What a site is, as its application sees it (env TIDE_* and handlebars variables). */
export interface SiteFacts {
  site: {
    name: string;
    url: string;
    dir: string;
    profile: string;
    /** True when the site is served over https: links an application prints (drush user:login) use it. Default false. */
    https?: boolean;
    /** `https` when the site has https, else `http`. */
    scheme: 'http' | 'https';
    /** The port the site is served on for that scheme. */
    port: number;
    /** scheme://url[:port], the port left out when it is the scheme's default. */
    baseUrl: string;
  };
  /** The site's vars over its platform's defaults. */
  vars: Record<string, string>;
  /** Null when the site has no database. */
  db: { host: string; port: number; name: string; user: string; password: string } | null;
}

/** A platform's code on one server. */
export interface PlatformContext {
  shell: Shell;
  platform: Platform;
  /** Absolute directory of the platform's code on the server. */
  platformDir: string;
}

/** A site of that platform. */
export interface DriverContext extends PlatformContext {
  facts: SiteFacts;
}

/** A file the driver keeps in the site directory, rewritten whenever tide writes the site's settings. */
export interface SiteFile {
  /** Relative to the site directory. */
  name: string;
  content: string;
  mode: number;
}

export interface Driver {
  name: PlatformDriver;
  /** Whether its sites get a database (when the server has a db service). */
  usesDatabase: boolean;
  /** Whether its vhost passes requests to php-fpm. */
  usesPhp: boolean;
  /** Runs the application's installer for a new site, after its database and settings exist. */
  install(ctx: DriverContext): Promise<void>;
  /**
   * Brings a site's database up to the platform's code (database updates),
   * after a migrate, clone or restore put its data beside new code.
   */
  update(ctx: DriverContext): Promise<void>;
  /** The packages a site uses, with the schema version its database is at; null when the driver cannot tell. */
  sitePackages(ctx: DriverContext): Promise<Package[] | null>;
  /** The packages a platform's code provides, with the schema version it brings; null when the driver cannot tell. */
  platformPackages(ctx: PlatformContext): Promise<Package[] | null>;
  /**
   * A one-time login URL. The shell does not log output: the URL holds a
   * token. Null when the application has no login command.
   */
  loginLink(ctx: DriverContext): Promise<string | null>;
  /** Whether the platform's application has a login command, known without a server (so tide login refuses early). */
  hasLoginCommand(platform: Platform): boolean;
  /** Runs the site's scheduled jobs; a no-op when the application has none. */
  cron(ctx: DriverContext): Promise<void>;
  /** Files besides settings.json the application reads its settings from (drupal: settings.php). */
  siteFiles(facts: SiteFacts): SiteFile[];
}
