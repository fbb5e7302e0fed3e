// Validators for the JSON Schemas in schemas/. The same files are what
// editors use, so the rules users see in their editor are exactly the rules
// tide applies.
//
// `npm run build` compiles them ahead of time into validators.generated.js
// (ajv standalone code), which loads in a few milliseconds; compiling at start-
// up would cost a few hundred on every command. Running from source (tests),
// they are compiled on first use instead.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, AnySchemaObject, Options, ValidateFunction } from 'ajv';
import { AJV_OPTIONS, SCHEMA_DIR, schemaFiles } from './build-identity.js';
import type { KindName } from './kinds.js';

export const SCHEMA_BASE = 'https://tide.dev/schemas/v1/';

type Precompiled = Record<string, ValidateFunction>;
const precompiled: Precompiled | undefined = await import(new URL('./validators.generated.js', import.meta.url).href).then(
  (m: Precompiled) => m,
  () => undefined,
);

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** The export name of a schema file in the generated module. */
export function exportName(file: string): string {
  return file.replace(/[^A-Za-z0-9]/g, '_');
}

/** An ajv instance with every schema added (compiled lazily by ajv). */
export function createAjv(options: Options = AJV_OPTIONS): Ajv {
  const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const instance = new AjvClass(options);
  for (const name of schemaFiles()) {
    instance.addSchema(JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')) as AnySchemaObject);
  }
  return instance;
}

/** The validator for a schema file name, e.g. `site.schema.json`. */
export function validatorFor(file: string): ValidateFunction {
  let validate = validators.get(file) ?? precompiled?.[exportName(file)];
  if (!validate) {
    ajv ??= createAjv();
    validate = ajv.getSchema(SCHEMA_BASE + file);
    if (!validate) throw new Error(`schema ${file} is missing from ${SCHEMA_DIR.pathname}`);
  }
  validators.set(file, validate);
  return validate;
}

export function kindValidator(kind: KindName): ValidateFunction {
  return validatorFor(`${kind.toLowerCase()}.schema.json`);
}

/** Property names a schema object allows, for "did you mean" hints. */
export function knownProperties(parentSchema: unknown): string[] {
  const props = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}
