// What a cached verdict (a validated document, a whole plan) depends on
// besides its inputs: tide's version, the YAML parser's, the schemas and
// ajv's options. `npm run build` records it in build-identity.generated.js,
// a file of one line, so a plan answered from its cache need not load the
// compiled validators (or a bundle read a package.json it does not have);
// running from source (tests), it is computed on first use.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Options } from 'ajv';

export const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);
/** verbose: errors carry their schema, whose description makes pattern errors readable. */
export const AJV_OPTIONS: Options = { allErrors: true, strict: true, verbose: true };

const recorded: string | undefined = await import(new URL('./build-identity.generated.js', import.meta.url).href).then(
  (m: { BUILD_IDENTITY?: string }) => m.BUILD_IDENTITY,
  () => undefined,
);

export function schemaFiles(): string[] {
  return readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort();
}

/** sha256 over the schemas (names and contents) and ajv's options, with tide's and js-yaml's versions. */
export function computeBuildIdentity(): string {
  const hash = createHash('sha256').update(JSON.stringify(AJV_OPTIONS));
  for (const name of schemaFiles()) hash.update(`\0${name}\0`).update(readFileSync(new URL(name, SCHEMA_DIR)));
  const require = createRequire(import.meta.url);
  const version = (file: string): string => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  const tide = version(new URL('../../package.json', import.meta.url).pathname);
  return `tide ${tide}; js-yaml ${version(require.resolve('js-yaml/package.json'))}; schemas ${hash.digest('hex')}`;
}

let identity: string | undefined;

/** computeBuildIdentity as recorded at build time; computed when running from source. */
export function buildIdentity(): string {
  return (identity ??= recorded ?? computeBuildIdentity());
}
