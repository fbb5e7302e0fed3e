// Drupal, through drush. Every command runs in the platform's directory as
//
//   drush=vendor/bin/drush; [ -x "$drush" ] || drush=drush; ln -sfn SITE_DIR ROOT/sites/URL && "$drush" --root=ROOT --uri=http(s)://URL ...
//
// The platform's own drush (composer's vendor/bin) is preferred, decided on
// the server, else drush on PATH. tide keeps each site's files (settings.php,
// files/) in the site's own directory outside the platform; the link
// ROOT/sites/URL → that directory lets Drupal's own conf-path discovery
// (sites/<host>) find the site by its host name, for drush and for the web
// server alike, and it is (re)made by every command, so a migrate to a new
// platform needs nothing else.
//
// A copy being prepared beside the live directory (migrate and restore stage
// one as SITES/.NAME.<op>-<id>, then move it in place) must not take over the
// host's link, which the live site may still be served through: drush finds
// the copy through a link named after the copy's directory, removed after
// the command, and the host's link is pointed at the live directory, where
// the copy will be once switched in.
//
// No secret is ever on a command line: drush reads the database credentials
// from settings.php, which the caller writes before install (site:install is
// given no --db-url).

import type { Package } from '../state/types.js';
import { OperationPreconditionError } from '../shell/errors.js';
import { commandTimeoutMs } from '../shell/shell.js';
import { shellQuote as q } from '../transport/types.js';
import { drupalSiteFiles } from './drupal-settings.js';
import {
  INSTALLED_SCHEMA_PHP,
  PLATFORM_SCAN_PHP,
  parsePlatformScan,
  parsePmList,
  parseSchemaVersions,
  sitePackagesFrom,
} from './drupal-inventory.js';
import { requireLoginLink } from './login-link.js';
import type { Driver, DriverContext, PlatformContext, SiteFacts } from './types.js';

/** The directory Drupal runs from: the platform's docroot (the same rule as the vhost's). */
export function drupalRoot(platformDir: string, docroot: string): string {
  return docroot === '.' ? platformDir : `${platformDir}/${docroot.replace(/^\.\/|\/$/g, '')}`;
}

/** The site's directory when live: SITES/NAME, beside any copy being prepared. */
function liveDir(facts: SiteFacts): string {
  const { dir, name } = facts.site;
  return `${dir.slice(0, dir.lastIndexOf('/') + 1)}${name}`;
}

/** A copy's name under sites/ (and drush's host for it): its directory's name, made host-like. */
function copyLinkName(dir: string): string {
  return dir.slice(dir.lastIndexOf('/') + 1).replace(/^\.+/, '').toLowerCase().replace(/[^a-z0-9.-]/g, '-');
}

/** The shell around a drush command: the links Drupal finds the site by, and the URI drush selects it with. */
export function siteSelection(ctx: DriverContext): { before: string; uri: string; after: string } {
  const root = drupalRoot(ctx.platformDir, ctx.platform.docroot);
  const { dir, url, https } = ctx.facts.site;
  const hostLink = `ln -sfn ${q(liveDir(ctx.facts))} ${q(`${root}/sites/${url}`)}`;
  if (dir === liveDir(ctx.facts)) return { before: hostLink, uri: `${https ? 'https' : 'http'}://${url}`, after: '' };
  const copy = copyLinkName(dir);
  const copyLink = q(`${root}/sites/${copy}`);
  return { before: `${hostLink} && ln -sfn ${q(dir)} ${copyLink}`, uri: `http://${copy}`, after: `; s=$?; rm -f ${copyLink}; exit $s` };
}

/** A drush command line for the site (see the top of this file). */
export function drushCommand(ctx: DriverContext, args: string): string {
  const root = drupalRoot(ctx.platformDir, ctx.platform.docroot);
  const { before, uri, after } = siteSelection(ctx);
  return `drush=vendor/bin/drush; [ -x "$drush" ] || drush=drush; ${before} && "$drush" --root=${q(root)} --uri=${q(uri)} ${args}${after}`;
}

/** The platform inventory command: PHP reading the codebase (script on stdin). */
export function platformScanCommand(ctx: PlatformContext): string {
  // Warnings to stderr, so stdout holds the JSON alone.
  return `php -d display_errors=stderr -- ${q(drupalRoot(ctx.platformDir, ctx.platform.docroot))}`;
}

/**
 * uid 1 gets a random password nobody sees: drush prints the one it made
 * into the operation log, and tide logs in with one-time links instead.
 */
const FORGET_ADMIN_PASSWORD_PHP =
  '$account = \\Drupal\\user\\Entity\\User::load(1); if ($account) { $account->setPassword(bin2hex(random_bytes(32))); $account->save(); }';

async function drush(ctx: DriverContext, what: string, args: string) {
  const command = drushCommand(ctx, args);
  const result = await ctx.shell.run(what, command, { cwd: ctx.platformDir, timeoutMs: commandTimeoutMs() });
  return { command, stdout: result.stdout };
}

export const drupalDriver: Driver = {
  name: 'drupal',
  usesDatabase: true,
  usesPhp: true,

  async install(ctx) {
    if (!ctx.facts.db) {
      throw new OperationPreconditionError(`The drupal site ${ctx.facts.site.name} needs a database, and its server has no db service.`,
        'Add a db service to the server, or use driver: static for plain files.');
    }
    const { name, url, profile } = ctx.facts.site;
    await drush(ctx, 'drush site:install', `site:install ${q(profile)} --yes --sites-subdir=${q(url)} --site-name=${q(name)}`);
    await drush(ctx, 'forgetting the admin password', `php:eval ${q(FORGET_ADMIN_PASSWORD_PHP)}`);
  },

  async update(ctx) {
    await drush(ctx, 'drush updatedb', 'updatedb --yes');
    await drush(ctx, 'drush cache:rebuild', 'cache:rebuild');
  },

  async sitePackages(ctx): Promise<Package[]> {
    const server = ctx.shell.transport.server;
    // Profiles are not a documented --type choice, but pm:list filters types with a plain in_array.
    const list = await drush(ctx, 'drush pm:list', 'pm:list --format=json --status=enabled --type=module,theme,profile --fields=name,type,status,version');
    const schema = await drush(ctx, 'reading schema versions', `php:eval ${q(INSTALLED_SCHEMA_PHP)}`);
    return sitePackagesFrom(
      parsePmList(list.stdout, { server, command: list.command }),
      parseSchemaVersions(schema.stdout, { server, command: schema.command }),
    );
  },

  async platformPackages(ctx) {
    const command = platformScanCommand(ctx);
    const result = await ctx.shell.run('listing the platform\'s extensions', command, {
      cwd: ctx.platformDir,
      stdin: PLATFORM_SCAN_PHP,
      timeoutMs: commandTimeoutMs(),
    });
    return parsePlatformScan(result.stdout, { server: ctx.shell.transport.server, command });
  },

  // The caller hands a shell that does not log output; the link is never put in an error either.
  hasLoginCommand: () => true,

  async loginLink(ctx) {
    const { command, stdout } = await drush(ctx, 'drush user:login', 'user:login --no-browser');
    return requireLoginLink(stdout, ctx.shell.transport.server, command);
  },

  async cron(ctx) {
    await drush(ctx, 'drush core:cron', 'core:cron');
  },

  siteFiles: drupalSiteFiles,
};
