// What a Drupal site uses and what a Drupal codebase provides, as Package[].
//
// Site: `drush pm:list --format=json` prints an object keyed by machine name,
// each row {package, project, display_name, name, type, path, status
// ("Enabled"/"Disabled"), version (null for code without one)}; the schema
// versions come from the key_value collection 'system.schema' (what
// drupal_get_installed_schema_version() read; UpdateHookRegistry since 9.3).
//
// Platform: drush cannot bootstrap without a site, so the codebase is read
// as Drupal reads it: *.info.yml files (type, version) and, per module, the
// hook_update_N() functions in <module>.install (UpdateHookRegistry matches
// them by name, /^<module>_update_(\d+)$/) plus hook_update_last_removed().
// A module's code schema is the highest of those and 8000, the version
// ModuleInstaller records for a module installed without updates
// (\Drupal::CORE_MINIMUM_SCHEMA_VERSION), so the two sides compare.

import type { Package } from '../state/types.js';
import { PackagesInvalidError } from './errors.js';
import { parsePackages, sortPackages, type InventorySource } from './packages.js';

/** One row of `drush pm:list --format=json` (the fields tide asks for). */
export interface DrushExtension {
  name: string;
  type: string;
  status: 'Enabled' | 'Disabled';
  version: string | null;
}

/** Parses pm:list's JSON: an object keyed by machine name ([] when nothing matched). */
export function parsePmList(stdout: string, source: InventorySource): DrushExtension[] {
  const data = parseJson(stdout, source);
  if (Array.isArray(data) && data.length === 0) return [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return invalid(source, 'stdout is not a JSON object keyed by machine name');
  }
  return Object.entries(data as Record<string, unknown>).map(([key, row]) => toExtension(key, row, source));
}

function toExtension(key: string, row: unknown, source: InventorySource): DrushExtension {
  if (typeof row !== 'object' || row === null) return invalid(source, `the entry for ${key} is not an object`);
  const r = row as Record<string, unknown>;
  const name = r.name === undefined ? key : r.name;
  if (typeof name !== 'string' || name === '') return invalid(source, `the entry for ${key} has no name`);
  if (typeof r.type !== 'string' || r.type === '') return invalid(source, `${name} has no type`);
  if (r.status !== 'Enabled' && r.status !== 'Disabled') return invalid(source, `${name} has status ${JSON.stringify(r.status)} (expected "Enabled" or "Disabled")`);
  if (r.version !== null && r.version !== undefined && typeof r.version !== 'string') return invalid(source, `${name} has a version that is not a string`);
  return { name, type: r.type, status: r.status, version: (r.version as string | null | undefined) ?? null };
}

/** Parses the {module: schema} object the schema query prints. */
export function parseSchemaVersions(stdout: string, source: InventorySource): Map<string, number> {
  const data = parseJson(stdout, source);
  // PHP's json_encode prints an empty array as [].
  if (Array.isArray(data) && data.length === 0) return new Map();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return invalid(source, 'stdout is not a JSON object of schema versions');
  const versions = new Map<string, number>();
  for (const [module, value] of Object.entries(data as Record<string, unknown>)) {
    const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n)) return invalid(source, `the schema version of ${module} is not an integer`);
    versions.set(module, n);
  }
  return versions;
}

/** A site's packages: pm:list rows joined with the schema versions its database records. */
export function sitePackagesFrom(extensions: DrushExtension[], schemas: Map<string, number>): Package[] {
  return sortPackages(
    extensions.map((e) => ({
      name: e.name,
      type: e.type,
      version: e.version ?? '',
      // Themes have no schema; a module missing from system.schema has none recorded.
      schema: e.type === 'theme' ? null : (schemas.get(e.name) ?? null),
      enabled: e.status === 'Enabled',
    })),
  );
}

/** Parses the platform scan's output (a package list in tide's own shape). */
export function parsePlatformScan(stdout: string, source: InventorySource): Package[] {
  return parsePackages(stdout, source);
}

function parseJson(stdout: string, source: InventorySource): unknown {
  const text = stdout.trim();
  if (text === '') return invalid(source, 'it printed nothing (expected JSON)');
  try {
    return JSON.parse(text);
  } catch {
    return invalid(source, `stdout is not JSON (it begins ${JSON.stringify(text.slice(0, 60))})`);
  }
}

function invalid(source: InventorySource, problem: string): never {
  throw new PackagesInvalidError(source.server, source.command, problem);
}

/**
 * PHP for `php:eval`: every installed module's schema version as a JSON
 * object. UpdateHookRegistry (Drupal 9.3+) reads the same key_value
 * collection as older cores' drupal_get_installed_schema_version().
 * Double quotes only, so the code sits in one single-quoted shell word.
 */
export const INSTALLED_SCHEMA_PHP =
  '$versions = \\Drupal::hasService("update.update_hook_registry")' +
  ' ? \\Drupal::service("update.update_hook_registry")->getAllInstalledVersions()' +
  ' : \\Drupal::keyValue("system.schema")->getAll();' +
  ' echo json_encode((object) $versions), PHP_EOL;';

/**
 * PHP read on stdin by `php -- <drupal root>`: the extensions the codebase
 * provides, as tide's package list. It reads files only (no include, no
 * bootstrap). Where Drupal looks: core, profiles, modules, themes, sites/all;
 * like drush pm:list it leaves out anything under a "tests" path. Symlinked
 * directories are not followed (sites/<url> links point at site directories).
 */
export const PLATFORM_SCAN_PHP = String.raw`<?php
$root = rtrim($argv[1], '/');
$core = @file_get_contents("$root/core/lib/Drupal.php");
$coreVersion = ($core !== false && preg_match("/const VERSION = '([^']+)'/", $core, $m)) ? $m[1] : '';
$found = [];
foreach (['core', 'profiles', 'modules', 'themes', 'sites/all'] as $top) {
  if (!is_dir("$root/$top")) continue;
  $dirs = new RecursiveCallbackFilterIterator(
    new RecursiveDirectoryIterator("$root/$top", FilesystemIterator::SKIP_DOTS),
    function ($f) {
      $n = $f->getFilename();
      return !$f->isDir() || !($n[0] === '.' || in_array($n, ['tests', 'node_modules', 'vendor'], true));
    }
  );
  foreach (new RecursiveIteratorIterator($dirs, RecursiveIteratorIterator::LEAVES_ONLY, RecursiveIteratorIterator::CATCH_GET_CHILD) as $file) {
    $base = $file->getFilename();
    if (substr($base, -9) !== '.info.yml') continue;
    if (strpos(substr($file->getPath(), strlen($root) + 1), 'tests')) continue;
    $info = file_get_contents($file->getPathname());
    if (!preg_match('/^type:\s*[\'"]?(module|theme|profile)\b/m', $info, $t)) continue;
    $name = substr($base, 0, -9);
    $version = preg_match('/^version:\s*[\'"]?([^\'"\s#]+)/m', $info, $v) ? $v[1] : '';
    if ($version === 'VERSION') $version = $coreVersion;
    $schema = null;
    if ($t[1] !== 'theme') {
      $schema = 8000;
      $install = $file->getPath() . "/$name.install";
      $code = is_file($install) ? file_get_contents($install) : '';
      $q = preg_quote($name, '/');
      preg_match_all("/function\\s+{$q}_update_(\\d+)\\s*\\(/", $code, $u);
      foreach ($u[1] as $n) $schema = max($schema, (int) $n);
      if (preg_match("/function\\s+{$q}_update_last_removed\\s*\\([^)]*\\)[^{]*\\{\\s*return\\s+(\\d+)/", $code, $r)) {
        $schema = max($schema, (int) $r[1]);
      }
    }
    $found[$name] = ['name' => $name, 'type' => $t[1], 'version' => $version, 'schema' => $schema];
  }
}
ksort($found);
echo json_encode(array_values($found)), PHP_EOL;
`;
