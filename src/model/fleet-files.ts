// Which files of a fleet source count: tide.yaml first, then what its
// `ignore` globs leave in, each within its size limit.

import { DEFAULT_MAX_FILE_SIZE, MIN_MAX_FILE_SIZE } from './defaults.js';
import { DiagnosticCollector } from './diagnostics.js';
import { parseFile } from './parse-yaml.js';
import { ignoreMatcher } from '../repo/glob.js';
import { MAX_FILE_BYTES, type FleetFile, type FleetSource } from '../repo/files.js';

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
  const { fleetFile, fleetDocs } = fleetDocuments(source, problems);
  const settings = fleetSettings(fleetDocs);
  const isIgnored = ignoreMatcher(settings.ignore);
  const others = source.files.filter((f) => f.path !== FLEET_FILE && !isIgnored(f.path));
  const loaded = fleetFile ? [fleetFile, ...others] : others;
  return { fleetFile, fleetDocs, settings, loaded };
}

/** tide.yaml and its documents (none when it is missing or refused: `problems` says why). */
export function fleetDocuments(source: FleetSource, problems: DiagnosticCollector): { fleetFile: FleetFile | undefined; fleetDocs: unknown[] } {
  const fleetFile = source.files.find((f) => f.path === FLEET_FILE);
  return { fleetFile, fleetDocs: fleetFile ? parseFile(fleetFile, problems, DEFAULT_MAX_FILE_SIZE) : [] };
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
