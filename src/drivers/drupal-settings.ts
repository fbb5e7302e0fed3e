// The settings.php tide writes into a Drupal site's directory. Drupal finds
// the directory through a link under sites/ (see drupal.ts), and the
// directory may be a copy that is moved into place later (migrate, restore),
// so no path in it is absolute: __DIR__ is the directory itself (PHP resolves
// the link), and $site_path is how Drupal reached it (sites/<url> when live).

import { createHash } from 'node:crypto';
import type { SiteFacts, SiteFile } from './types.js';

/**
 * A PHP single-quoted string literal. Inside one, only \\ and \' are escapes
 * (everything else, newlines and $ included, is literal), so escaping those
 * two is exact for any value.
 */
export function phpString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Drupal's hash_salt, derived rather than stored: secret because the site's
 * database password goes into it, stable because both inputs are. A new
 * database password changes it, which only invalidates one-time links,
 * form tokens and image style tokens issued before.
 */
export function drupalHashSalt(siteName: string, dbPassword: string): string {
  return createHash('sha256').update(`tide drupal hash_salt\n${siteName}\n${dbPassword}`).digest('base64url');
}

/** settings.php for a site; none without a database (the drupal driver refuses to install one). */
export function drupalSiteFiles(facts: SiteFacts): SiteFile[] {
  if (!facts.db) return [];
  return [{ name: 'settings.php', content: settingsPhp(facts, facts.db), mode: 0o640 }];
}

function settingsPhp(facts: SiteFacts, db: NonNullable<SiteFacts['db']>): string {
  const { name } = facts.site;
  const s = phpString;
  return `<?php

// Written by tide for the site ${name}, and rewritten whenever tide writes the
// site's settings: put your own settings in settings.local.php beside it.

$databases['default']['default'] = [
  'driver' => 'mysql',
  'host' => ${s(db.host)},
  'port' => ${s(String(db.port))},
  'database' => ${s(db.name)},
  'username' => ${s(db.user)},
  'password' => ${s(db.password)},
  'prefix' => '',
];

$settings['hash_salt'] = ${s(drupalHashSalt(name, db.password))};
$settings['config_sync_directory'] = __DIR__ . '/config/sync';
$settings['file_public_path'] = $site_path . '/files';
$settings['file_scan_ignore_directories'] = ['node_modules', 'bower_components'];

if (file_exists(__DIR__ . '/settings.local.php')) {
  include __DIR__ . '/settings.local.php';
}
`;
}
