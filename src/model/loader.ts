// YAML files → validated, defaulted DesiredState. Reports every problem at
// once (syntax, schema, unknown kinds, duplicates, references) and returns
// nothing if there is any.

import { DiagnosticCollector, type Place } from './diagnostics.js';
import {
  defaultFleet,
  withClientDefaults,
  withFleetDefaults,
  withPlatformDefaults,
  withServerDefaults,
  withSiteDefaults,
} from './defaults.js';
import { KINDS, type DesiredState, type DocumentOrigin, type KindName } from './kinds.js';
import { checkReferences, type Origins } from './references.js';
import { checkCommandSecrets } from './secret-refs.js';
import { describeSchemaErrors, formatPath } from './schema-errors.js';
import { parseFile } from './parse-yaml.js';
import { quoteValue, shortText } from './quote.js';
import { kindValidator } from './schemas.js';
import { didYouMean } from './suggest.js';
import { digestFiles, fileOid, type FleetFile, type FleetSource } from '../repo/files.js';
import { FLEET_FILE, fleetDocuments, selectFiles } from './fleet-files.js';

/**
 * A file's documents as parsed and found valid against their schemas, by the
 * file's git blob id: what loading that content again would give, so a
 * loader with a cache skips the YAML parse and the schema checks. `size` is
 * the file's, checked against the fleet's size limit of the moment.
 */
export interface ParsedFile {
  size: number;
  docs: unknown[];
}

export interface DocumentCache {
  get(oid: string): ParsedFile | undefined;
  set(oid: string, parsed: ParsedFile): void;
}

interface RawDocument {
  kind: KindName;
  name: string;
  body: Record<string, unknown>;
  origin: DocumentOrigin;
}

export function loadFleet(source: FleetSource, options: { defaultName?: string; cache?: DocumentCache } = {}): DesiredState {
  // Texts by path are needed only to position problems: the map is made for the first.
  let byPath: Map<string, FleetFile> | undefined;
  const problems = new DiagnosticCollector((path) => (byPath ??= new Map(source.files.map((f) => [f.path, f]))).get(path)?.text);
  const { fleetFile, fleetDocs, settings, loaded } = selectFiles(source, problems);

  const documents: RawDocument[] = [];
  const invalid = new Set<string>();
  for (const file of loaded) {
    const cached = file === fleetFile ? undefined : cachedDocuments(file, options.cache, settings.maxFileSize);
    const before = problems.count;
    const docs = cached ?? (file === fleetFile ? fleetDocs : parseFile(file, problems, settings.maxFileSize));
    for (let index = 0; index < docs.length; index++) {
      const checked = checkDocument(docs[index], { file: file.path, doc: index }, problems, cached !== undefined);
      if (checked) documents.push(checked);
      else invalid.add(nameOf(docs[index]));
    }
    if (!cached && file !== fleetFile && options.cache && problems.count === before && docs.every(isJsonDocument)) {
      options.cache.set(file.oid ?? fileOid(file), { size: file.size ?? Buffer.byteLength(file.text), docs });
    }
  }

  const where = origins(documents);
  const desired = assemble(documents, where, problems, options.defaultName ?? 'fleet');
  // References to a document that is itself invalid would only repeat its error.
  checkReferences(desired, where, problems, (kind, name) => invalid.has(`${kind}/${name}`));
  checkCommandSecrets(desired, where, problems);
  desired.commit = source.commit;
  desired.digest = digestFiles(loaded);
  problems.throwIfAny();
  return desired;
}

/**
 * The state branch tide.yaml names, when its Fleet document is valid on its
 * own (else undefined): known before the whole fleet is loaded, so the state
 * branch can be read meanwhile. loadFleet gives the same branch or fails.
 */
export function stateBranchOf(source: FleetSource): string | undefined {
  const problems = new DiagnosticCollector(() => undefined);
  const { fleetDocs } = fleetDocuments(source, problems);
  const fleets = fleetDocs.filter((doc) => (doc as { kind?: unknown } | null)?.kind === 'Fleet');
  const validate = kindValidator('Fleet');
  return problems.count === 0 && fleets.length === 1 && validate(fleets[0]) ? withFleetDefaults(fleets[0] as Record<string, unknown>).state.branch : undefined;
}

/** The file's documents from the cache, if it has them and the file is within today's size limit. */
function cachedDocuments(file: FleetFile, cache: DocumentCache | undefined, maxFileSize: number): unknown[] | undefined {
  if (!cache || !file.oid) return undefined;
  const hit = cache.get(file.oid);
  return hit && hit.size <= maxFileSize ? hit.docs : undefined;
}

/**
 * Whether a document is made only of what JSON keeps as it is (plain
 * objects, arrays, strings, finite numbers, booleans, null), so that a cached
 * copy loads exactly as the YAML did. YAML's timestamps and binaries are not.
 */
function isJsonDocument(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJsonDocument);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  // for...in rather than Object.values: no array per mapping (its prototype, checked above, adds no keys).
  for (const key in value) if (!isJsonDocument((value as Record<string, unknown>)[key])) return false;
  return true;
}

function nameOf(doc: unknown): string {
  const { kind, name } = (doc ?? {}) as { kind?: unknown; name?: unknown };
  // Only strings: a list here could be an alias bomb that String() would expand.
  return typeof kind === 'string' && typeof name === 'string' ? `${kind}/${name}` : '';
}

function origins(documents: RawDocument[]): Origins {
  const out: Origins = { Fleet: new Map(), Server: new Map(), Platform: new Map(), Site: new Map(), Client: new Map() };
  for (const d of documents) if (!out[d.kind].has(d.name)) out[d.kind].set(d.name, d.origin);
  return out;
}

/** A place in the document at `origin`. */
function placeIn(origin: DocumentOrigin, path: Place['path'] = []): Place {
  return { ...origin, path };
}

/** `validated`: the document comes from the cache, so it passed its schema when its file was first read. */
function checkDocument(doc: unknown, origin: DocumentOrigin, problems: DiagnosticCollector, validated = false): RawDocument | undefined {
  if (doc === null || doc === undefined) return undefined; // an empty document, e.g. a trailing '---'
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    problems.at(placeIn(origin), 'NOT_A_MAPPING', `a fleet document must be a mapping with 'kind' and 'name', not ${Array.isArray(doc) ? 'a list' : typeof doc}`);
    return undefined;
  }
  const body = doc as Record<string, unknown>;
  const kind = body.kind;
  if (kind === undefined) {
    problems.at(placeIn(origin), 'KIND_MISSING', `missing 'kind': every document needs one of ${KINDS.join(', ')} (or add its path to 'ignore' in ${FLEET_FILE})`);
    return undefined;
  }
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    problems.at(placeIn(origin, ['kind']), 'KIND_UNKNOWN', `unknown kind ${quoteValue(kind)}${typeof kind === 'string' ? didYouMean(kind, KINDS) : ''}; expected one of ${KINDS.join(', ')}`);
    return undefined;
  }
  const name = typeof body.name === 'string' ? body.name : undefined;
  const validate = validated ? undefined : kindValidator(kind as KindName);
  if (validate && !validate(body)) {
    const subject = name ? `${kind} ${shortText(name)}` : kind;
    for (const p of describeSchemaErrors(validate.errors ?? [])) {
      const field = formatPath(p.path);
      problems.at({ ...placeIn(origin, p.path), anchor: p.atKey ? 'key' : 'value' }, 'SCHEMA', `${subject}: ${field ? `${field}: ` : ''}${p.message}`);
    }
    return undefined;
  }
  if (kind === 'Fleet' && origin.file !== FLEET_FILE) {
    problems.at(placeIn(origin, ['kind']), 'FLEET_MISPLACED', `the Fleet document belongs in ${FLEET_FILE} at the repository root`);
    return undefined;
  }
  return { kind: kind as KindName, name: name!, body, origin };
}

function assemble(documents: RawDocument[], where: Origins, problems: DiagnosticCollector, defaultName: string): DesiredState {
  const desired: DesiredState = {
    fleet: defaultFleet(defaultName),
    servers: new Map(),
    platforms: new Map(),
    sites: new Map(),
    clients: new Map(),
    commit: null,
    digest: '',
  };
  let fleetOrigin: DocumentOrigin | undefined;
  for (const d of documents) {
    // There is one Fleet whatever its name; other kinds are unique by name, and `where` has the first of each.
    const firstOrigin = d.kind === 'Fleet' ? fleetOrigin : where[d.kind].get(d.name);
    if (firstOrigin && firstOrigin !== d.origin) {
      problems.at({ ...d.origin, path: ['name'] }, 'DUPLICATE', `${d.kind} ${d.name} is defined twice`, {
        place: { ...firstOrigin, path: ['name'] },
        label: 'first defined',
      });
      continue;
    }
    switch (d.kind) {
      case 'Fleet':
        fleetOrigin = d.origin;
        desired.fleet = withFleetDefaults(d.body);
        break;
      case 'Server':
        desired.servers.set(d.name, withServerDefaults(d.body));
        break;
      case 'Platform':
        desired.platforms.set(d.name, withPlatformDefaults(d.body));
        break;
      case 'Site':
        desired.sites.set(d.name, withSiteDefaults(d.body));
        break;
      case 'Client':
        desired.clients.set(d.name, withClientDefaults(d.body));
        break;
    }
  }
  return desired;
}
