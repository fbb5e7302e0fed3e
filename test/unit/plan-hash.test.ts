import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadFleet } from '../../src/model/loader.js';
import { planHash } from '../../src/plan/hash.js';
import { plan } from '../../src/plan/planner.js';
import { emptyRecordedState } from '../../src/state/types.js';
import { appliedState, BASE, files, load } from '../helpers/fleet.js';
import { op } from '../helpers/plan-objects.js';

const empty = () => emptyRecordedState('tide-state');

describe('plan hash and order', () => {
  it('is the same for the same input, every time', () => {
    const a = plan(load(BASE), empty());
    const b = plan(load(BASE), empty());
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('does not depend on the order files are read in, nor on key order or comments in YAML', () => {
    const reordered = files(BASE).reverse();
    const site = reordered.find((f) => f.path === 'sites/b.example.com.yaml')!;
    site.text = '# a comment\naliases: [www.b.example.com]\nplatform: notes-1.0\nname: b.example.com\nkind: Site\n';
    const p = plan(loadFleet({ files: reordered, commit: null, origin: 'test' }, { defaultName: 'test' }), empty());
    expect(p.operations).toEqual(plan(load(BASE), empty()).operations);
    expect(p.hash).toBe(plan(load(BASE), empty()).hash);
  });

  it('changes with any change to what would be done', () => {
    const base = plan(load(BASE), empty()).hash;
    const variants: Record<string, string>[] = [
      { 'sites/b.example.com.yaml': BASE['sites/b.example.com.yaml']!.replace('www.b.example.com', 'w.b.example.com') },
      { 'servers/web1.yaml': BASE['servers/web1.yaml']!.replace('kind: Server', 'kind: Server\n    port: 2200') },
      { 'sites/d.example.com.yaml': 'kind: Site\nname: d.example.com\nplatform: notes-1.0\n' },
      { 'platforms/notes-1.0.yaml': BASE['platforms/notes-1.0.yaml']!.replace('v1.0.0', 'v1.0.1') },
      { 'tide.yaml': 'kind: Fleet\nname: other\n' },
    ];
    const hashes = variants.map((v) => plan(load({ ...BASE, ...v }), empty()).hash);
    expect(new Set([base, ...hashes]).size).toBe(variants.length + 1);
  });

  it('does not depend on the key order of nested values', () => {
    const https = (body: string) => ({ 'sites/a.example.com.yaml': `kind: Site\nname: a.example.com\nplatform: notes-1.0\nclient: acme\nhttps: ${body}\n` });
    const a = plan(load({ ...BASE, ...https('{ certificate: /etc/ssl/a.pem, key: /etc/ssl/a.key, required: true }') }), empty());
    const b = plan(load({ ...BASE, ...https('{ required: true, key: /etc/ssl/a.key, certificate: /etc/ssl/a.pem }') }), empty());
    expect(b.hash).toBe(a.hash);
  });

  it('changes when the recorded state does', () => {
    const desired = load(BASE);
    const recorded = appliedState(desired);
    recorded.sites.get('a.example.com')!.aliases = ['old.a.example.com'];
    expect(plan(desired, recorded).hash).not.toBe(plan(desired, appliedState(desired)).hash);
  });

  it('is the sha256 of the JSON of the fleet name, the operations and the orphans (what apply --plan and the records compare)', () => {
    const desired = load(BASE);
    const recorded = appliedState(desired);
    recorded.sites.get('a.example.com')!.aliases = ['old.a.example.com'];
    const { 'sites/b.example.com.yaml': _removed, ...rest } = BASE;
    const p = plan(load(rest), recorded);
    expect(p.operations.length).toBeGreaterThan(0);
    expect(p.orphans.length).toBeGreaterThan(0);
    const json = JSON.stringify({ fleet: p.fleet, operations: p.operations, orphans: p.orphans });
    expect(p.hash).toBe(createHash('sha256').update(json).digest('hex'));
    const first = plan(load(BASE), empty());
    expect(first.hash).toBe(createHash('sha256').update(JSON.stringify({ fleet: first.fleet, operations: first.operations, orphans: [] })).digest('hex'));
  });

  it('hashes those bytes for plans of any size, operations fed in batches', () => {
    const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
    const orphans = [{ target: { kind: 'site' as const, name: 'gone.test' }, server: 'web1', reason: 'left alone' }];
    for (const count of [0, 1, 99, 100, 101, 250]) {
      const operations = Array.from({ length: count }, (_, i) => op('install', `s${i}.test`, { changes: [{ field: 'url', from: null, to: `s${i}.test → ✓` }] }));
      expect(planHash('fleet', operations, orphans), String(count)).toBe(sha({ fleet: 'fleet', operations, orphans }));
    }
  });

  it('keeps the commits out of the hash: the same work hashes alike on any commit', () => {
    const a = load(BASE);
    const b = load(BASE);
    b.commit = 'a'.repeat(40);
    expect(plan(a, empty()).hash).toBe(plan(b, empty()).hash);
    expect(plan(b, empty()).desired.commit).toBe('a'.repeat(40));
  });
});
