// The field diff under every plan: what counts as a change, and the shortcut
// (identical) that skips canonical JSON for values that did not change.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, identical, sameValue } from '../../src/plan/canonical.js';
import { diffFields, initialFields } from '../../src/plan/diff.js';

/** JSON-like values as YAML and the state branch give them, with objects nested. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 2 }), fc.boolean(), fc.constant(null), fc.constant(undefined)),
  tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('tree'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('tree'), { maxKeys: 3 })),
})).tree;

/** `v` rebuilt with every object's keys in reverse order. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)]));
}

describe('identical', () => {
  it('is true only of values whose canonical JSON is the same, so sameValue answers as it did without it', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      if (identical(a, b)) expect(canonicalJson(a)).toBe(canonicalJson(b));
      expect(identical(a, structuredClone(a))).toBe(true);
    }), { numRuns: 3000 });
    fc.assert(fc.property(value, (a) => {
      // Another key order is not identical, yet the same value.
      expect(sameValue(a, reversed(a))).toBe(true);
    }), { numRuns: 1000 });
    expect(identical({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toBe(true);
    expect(identical({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(identical([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(identical([1, [2]], [1, [3]])).toBe(false);
  });
});

describe('diffFields', () => {
  it('lists changed leaves of nested values, sorted, and nothing for unchanged ones in any key order', () => {
    type Spec = { https: { required: boolean; key: string; certificate?: string }; aliases: string[]; vars?: Record<string, string> };
    const recorded: Spec = { https: { required: true, key: '/k' }, aliases: ['a', 'b'], vars: { x: '1' } };
    expect(diffFields<Spec>(recorded, { https: { key: '/k', required: true }, aliases: ['a', 'b'], vars: { x: '1' } })).toEqual([]);
    expect(diffFields<Spec>(recorded, { https: { required: false, key: '/k', certificate: '/c' }, aliases: ['b', 'a'], vars: undefined })).toEqual([
      { field: 'https.certificate', from: null, to: '/c' },
      { field: 'https.required', from: true, to: false },
      { field: 'aliases', from: ['a', 'b'], to: ['b', 'a'] },
      { field: 'vars.x', from: '1', to: null },
    ]);
  });

  it('shows a new object by its leaves, without blank ones or quiet defaults', () => {
    expect(initialFields({ url: 'a.test', https: { required: true, key: '' }, profile: 'standard', vars: { b: '2', a: '1' } }, {}, { profile: 'standard' })).toEqual([
      { field: 'url', from: null, to: 'a.test' },
      { field: 'https.required', from: null, to: true },
      { field: 'vars.a', from: null, to: '1' },
      { field: 'vars.b', from: null, to: '2' },
    ]);
  });
});

describe('initialFields', () => {
  it('never lists a blank leaf, however deep, nor a field equal to its quiet default', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c'), value, { maxKeys: 3 }), (desired) => {
      for (const c of initialFields(desired, {}, { c: 'quiet' })) {
        expect([undefined, null, '', false]).not.toContain(c.to);
        expect(Array.isArray(c.to) && c.to.length === 0).toBe(false);
        expect(c.from).toBe(null);
      }
    }), { numRuns: 2000 });
    expect(initialFields({ a: '', b: [], c: false, d: { e: null, f: [] }, g: 0 })).toEqual([{ field: 'g', from: null, to: 0 }]);
  });
});
