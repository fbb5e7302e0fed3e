// Turns ajv's errors into sentences a hosting engineer can act on, each with
// the path of the value it is about (for its file:line:column).

import type { ErrorObject } from 'ajv';
import { quoteValue, shortText } from './quote.js';
import { knownProperties } from './schemas.js';
import { didYouMean } from './suggest.js';
import type { PathSegment } from './yaml-positions.js';

export interface SchemaProblem {
  path: PathSegment[];
  message: string;
  /** True when the problem is the key itself (an unknown property). */
  atKey?: boolean;
}

export function describeSchemaErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of keepClosestOneOfBranch(errors)) {
    if (error.keyword === 'if' || error.keyword === 'oneOf') continue;
    const problem = describe(error);
    const key = `${problem.path.join('\0')}\0${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out ? `.${shortText(s)}` : shortText(s);
  return out;
}

function describe(error: ErrorObject): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: [...path, String(params.missingProperty)], message: `missing required property '${String(params.missingProperty)}'` };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const hint = didYouMean(name, knownProperties(error.parentSchema));
      return { path: [...path, name], message: `unknown property '${shortText(name)}'${hint}`, atKey: true };
    }
    case 'pattern': {
      const schema = error.parentSchema as { description?: string; writeOnly?: boolean } | undefined;
      const expected = `must be ${schema?.description ?? `a string matching ${String(params.pattern)}`}`;
      // A value where a secret reference belongs is likely the secret itself.
      if (schema?.writeOnly) return { path, message: `${expected} (the value written here is not shown: it may be a secret)` };
      return { path, message: `${quoteValue(error.data)} is not valid: ${expected}` };
    }
    case 'enum':
      return { path, message: `${quoteValue(error.data)} is not allowed: must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'minimum':
      return { path, message: `${quoteValue(error.data)} is too small: must be at least ${String(params.limit)}` };
    case 'maximum':
      return { path, message: `${quoteValue(error.data)} is too large: must be at most ${String(params.limit)}` };
    case 'type':
      return { path, message: `must be ${article(String(params.type))} ${String(params.type)}, not ${typeName(error.data)}` };
    default:
      return { path, message: error.message ?? `fails the ${error.keyword} rule` };
  }
}

/**
 * A failed `oneOf` reports the errors of every branch, most of them about
 * forms the user did not mean. Keep only the branch with the fewest errors:
 * the form the user was most likely writing.
 */
function keepClosestOneOfBranch(errors: readonly ErrorObject[]): ErrorObject[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  if (oneOfs.length === 0) return [...errors];
  const drop = new Set<ErrorObject>();
  for (const oneOf of oneOfs) {
    const prefix = `${oneOf.schemaPath.replace(/\/oneOf$/, '')}/oneOf/`;
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    const branches = [...byBranch.values()].sort((a, b) => a.length - b.length);
    for (const branch of branches.slice(1)) for (const e of branch) drop.add(e);
  }
  return errors.filter((e) => !drop.has(e));
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${article(typeof value)} ${typeof value}`;
}
