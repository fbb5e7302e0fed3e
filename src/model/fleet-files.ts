// Which files of a fleet source count, and the digest that identifies them.
// Apart from the loader, so a plan answered from its cache (plan-cache.ts)
// can tell whether the fleet changed without loading schemas or validators.

import { DEFAULT_MAX_FILE_SIZE, MIN_MAX_FILE_SIZE } from './defaults.js';
import { DiagnosticCollector } from './diagnostics.js';
import { parseFile } from './parse-yaml.js';
import { ignoreMatcher } from '../repo/glob.js';
import { digestFiles, MAX_FILE_BYTES, type FleetFile, type FleetSource } from '../repo/files.js';

export const FLEET_FILE = 'tide.yaml';

export interface SelectedFiles {
  fleetFile: FleetFile | undefined;
  fleetDocs: unknown[];
  settings: { ignore: string[]; maxFileSize: number };
  /** tide.yaml first, then every other file its `ignore` globs leave in. */
  loaded: FleetFile[];
}

/**
 * The files that count: tide.yaml is read first (held to the default size
 * limit): its `ignore` globs decide which other files count, its
 * `maxFileSize` how large they may be.
 */
export function selectFiles(source: FleetSource, problems: DiagnosticCollector): SelectedFiles {
  const fleetFile = source.files.find((f) => f.path === FLEET_FILE);
  const fleetDocs = fleetFile ? parseFile(fleetFile, problems, DEFAULT_MAX_FILE_SIZE) : [];
  const settings = fleetSettings(fleetDocs);
  const isIgnored = ignoreMatcher(settings.ignore);
  const others = source.files.filter((f) => f.path !== FLEET_FILE && !isIgnored(f.path));
  const loaded = fleetFile ? [fleetFile, ...others] : others;
  return { fleetFile, fleetDocs, settings, loaded };
}

/**
 * The digest loadFleet gives the fleet's files (DesiredState.digest before
 * platform code is folded in), without reading any file but tide.yaml: what
 * identifies a fleet for a cache of whole plans.
 */
export function fleetFilesDigest(source: FleetSource): string {
  const byPath = new Map(source.files.map((f) => [f.path, f]));
  return digestFiles(selectFiles(source, new DiagnosticCollector((path) => byPath.get(path)?.text)).loaded);
}

/**
 * The settings other files are read with, taken from the Fleet document
 * before it is validated (its own errors are reported with the rest): what
 * is not usable as written falls back to the default.
 */
function fleetSettings(fleetDocs: unknown[]): SelectedFiles['settings'] {
  const fleet = fleetDocs.find((doc) => (doc as { kind?: unknown } | null)?.kind === 'Fleet') as { ignore?: unknown; maxFileSize?: unknown } | undefined;
  const ignore = Array.isArray(fleet?.ignore) ? fleet.ignore.filter((p): p is string => typeof p === 'string') : [];
  const size = fleet?.maxFileSize;
  const maxFileSize = Number.isInteger(size) && (size as number) >= MIN_MAX_FILE_SIZE && (size as number) <= MAX_FILE_BYTES ? (size as number) : DEFAULT_MAX_FILE_SIZE;
  return { ignore, maxFileSize };
}
