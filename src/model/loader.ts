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
import { parseFile, type YamlSyntaxError } from './parse-yaml.js';
import { kindValidator } from './schemas.js';
import { didYouMean } from './suggest.js';
import { isIgnored } from '../repo/glob.js';
import { digestFiles, type FleetSource } from '../repo/files.js';

export const FLEET_FILE = 'tide.yaml';

interface RawDocument {
  kind: KindName;
  name: string;
  body: Record<string, unknown>;
  origin: DocumentOrigin;
}

export function loadFleet(source: FleetSource, options: { defaultName?: string } = {}): DesiredState {
  const texts = new Map(source.files.map((f) => [f.path, f.text]));
  const problems = new DiagnosticCollector(texts);

  const onSyntaxError = (e: YamlSyntaxError) =>
    problems.atPosition(e.file, e.line, e.column, 'YAML_SYNTAX', `YAML syntax error: ${e.reason}`);
  // tide.yaml is read first: its `ignore` globs decide which other files count.
  const fleetFile = source.files.find((f) => f.path === FLEET_FILE);
  const fleetDocs = fleetFile ? parseFile(fleetFile, onSyntaxError) : [];
  const ignore = ignorePatterns(fleetDocs);
  const others = source.files.filter((f) => f.path !== FLEET_FILE && !isIgnored(f.path, ignore));
  const loaded = fleetFile ? [fleetFile, ...others] : others;

  const documents: RawDocument[] = [];
  const invalid = new Set<string>();
  for (const file of loaded) {
    const docs = file === fleetFile ? fleetDocs : parseFile(file, onSyntaxError);
    docs.forEach((doc, index) => {
      const checked = checkDocument(doc, { file: file.path, doc: index }, problems);
      if (checked) documents.push(checked);
      else invalid.add(nameOf(doc));
    });
  }

  const desired = assemble(documents, problems, options.defaultName ?? 'fleet');
  // References to a document that is itself invalid would only repeat its error.
  const where = origins(documents);
  checkReferences(desired, where, problems, (kind, name) => invalid.has(`${kind}/${name}`));
  checkCommandSecrets(desired, where, problems);
  desired.commit = source.commit;
  desired.digest = digestFiles(loaded);
  problems.throwIfAny();
  return desired;
}

function ignorePatterns(fleetDocs: unknown[]): string[] {
  for (const doc of fleetDocs) {
    const ignore = (doc as { kind?: unknown; ignore?: unknown } | null)?.ignore;
    if ((doc as { kind?: unknown } | null)?.kind === 'Fleet' && Array.isArray(ignore)) {
      return ignore.filter((p): p is string => typeof p === 'string');
    }
  }
  return [];
}

function nameOf(doc: unknown): string {
  const { kind, name } = (doc ?? {}) as { kind?: unknown; name?: unknown };
  return `${String(kind)}/${String(name)}`;
}

function origins(documents: RawDocument[]): Origins {
  const out: Origins = { Fleet: new Map(), Server: new Map(), Platform: new Map(), Site: new Map(), Client: new Map() };
  for (const d of documents) if (!out[d.kind].has(d.name)) out[d.kind].set(d.name, d.origin);
  return out;
}

function checkDocument(doc: unknown, origin: DocumentOrigin, problems: DiagnosticCollector): RawDocument | undefined {
  if (doc === null || doc === undefined) return undefined; // an empty document, e.g. a trailing '---'
  const place = (path: Place['path'] = []): Place => ({ ...origin, path });
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    problems.at(place(), 'NOT_A_MAPPING', `a fleet document must be a mapping with 'kind' and 'name', not ${Array.isArray(doc) ? 'a list' : typeof doc}`);
    return undefined;
  }
  const body = doc as Record<string, unknown>;
  const kind = body.kind;
  if (kind === undefined) {
    problems.at(place(), 'KIND_MISSING', `missing 'kind': every document needs one of ${KINDS.join(', ')} (or add its path to 'ignore' in ${FLEET_FILE})`);
    return undefined;
  }
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    problems.at(place(['kind']), 'KIND_UNKNOWN', `unknown kind '${String(kind)}'${didYouMean(String(kind), KINDS)}; expected one of ${KINDS.join(', ')}`);
    return undefined;
  }
  const validate = kindValidator(kind as KindName);
  const name = typeof body.name === 'string' ? body.name : undefined;
  const subject = name ? `${kind} ${name}` : kind;
  if (!validate(body)) {
    for (const p of describeSchemaErrors(validate.errors ?? [])) {
      const field = formatPath(p.path);
      problems.at({ ...place(p.path), anchor: p.atKey ? 'key' : 'value' }, 'SCHEMA', `${subject}: ${field ? `${field}: ` : ''}${p.message}`);
    }
    return undefined;
  }
  if (kind === 'Fleet' && origin.file !== FLEET_FILE) {
    problems.at(place(['kind']), 'FLEET_MISPLACED', `the Fleet document belongs in ${FLEET_FILE} at the repository root`);
    return undefined;
  }
  return { kind: kind as KindName, name: name!, body, origin };
}

function assemble(documents: RawDocument[], problems: DiagnosticCollector, defaultName: string): DesiredState {
  const desired: DesiredState = {
    fleet: defaultFleet(defaultName),
    servers: new Map(),
    platforms: new Map(),
    sites: new Map(),
    clients: new Map(),
    commit: null,
    digest: '',
  };
  const seen = new Map<string, DocumentOrigin>();
  for (const d of documents) {
    // There is one Fleet whatever its name; other kinds are unique by name.
    const key = d.kind === 'Fleet' ? 'Fleet' : `${d.kind}/${d.name}`;
    const firstOrigin = seen.get(key);
    if (firstOrigin) {
      problems.at({ ...d.origin, path: ['name'] }, 'DUPLICATE', `${d.kind} ${d.name} is defined twice`, {
        place: { ...firstOrigin, path: ['name'] },
        label: 'first defined',
      });
      continue;
    }
    seen.set(key, d.origin);
    switch (d.kind) {
      case 'Fleet':
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
