// Compiles the JSON Schemas in schemas/ once per process and hands out a
// validator per kind. The same files are what editors use, so the rules users
// see in their editor are exactly the rules tide applies.

import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import type { KindName } from './kinds.js';

export const SCHEMA_BASE = 'https://tide.dev/schemas/v1/';
export const SCHEMA_DIR = new URL('../../schemas/', import.meta.url);

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (ajv) return ajv;
  // verbose: errors carry their schema, whose description makes pattern errors readable.
  ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
  for (const name of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort()) {
    ajv.addSchema(JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')) as AnySchemaObject);
  }
  return ajv;
}

/** The validator for a schema file name, e.g. `site.schema.json`. */
export function validatorFor(file: string): ValidateFunction {
  let validate = validators.get(file);
  if (!validate) {
    const found = instance().getSchema(SCHEMA_BASE + file);
    if (!found) throw new Error(`schema ${file} is missing from ${SCHEMA_DIR.pathname}`);
    validate = found;
    validators.set(file, validate);
  }
  return validate;
}

export function kindValidator(kind: KindName): ValidateFunction {
  return validatorFor(`${kind.toLowerCase()}.schema.json`);
}

/** Property names a schema object allows at `instancePath`, for "did you mean" hints. */
export function knownProperties(parentSchema: unknown): string[] {
  const props = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}
