import { describe, it, expect } from 'vitest';
import type { Action, Orphan } from '../../src/model/plan.js';
import { op, plan } from '../helpers/plan-objects.js';
import { renderText, shouldUseColor } from '../../src/plan/render/text.js';
import { renderJson } from '../../src/plan/render/json.js';
import { ACTION_ORDER, formatValue, summarySentence } from '../../src/plan/render/labels.js';


const ANSI = /\x1b\[/;

describe('renderText', () => {
  it('leads each operation with its symbol, in plan order', () => {
    const expected: Record<Action, string> = {
      deploy: '+', install: '+', clone: '+',
      verify: '~', migrate: '~', rename: '~', disable: '~', enable: '~',
      delete: '-',
    };
    const ops = ACTION_ORDER.map((a) => op(a, `${a}.example.com`));
    const lines = renderText(plan(ops), { color: false }).split('\n');
    ACTION_ORDER.forEach((a, i) => {
      expect(lines[i]).toBe(`  ${expected[a]} ${a} site ${a}.example.com on web1  (${a} reason)`);
    });
  });

  it('formats the documented example line', () => {
    const out = renderText(plan([op('install', 'blog.example.com', { reason: 'new site on platform notes-2.0' })]), { color: false });
    expect(out.split('\n')[0]).toBe('  + install site blog.example.com on web1  (new site on platform notes-2.0)');
  });

  it('marks blocked operations with ! and lists the blocker messages', () => {
    const blocked = op('delete', 'old.example.com', {
      blockers: [
        { code: 'prune-disabled', message: 'prune is false in tide.yaml' },
        { code: 'x', message: 'second reason' },
      ],
    });
    const lines = renderText(plan([blocked]), { color: false }).split('\n');
    expect(lines[0]).toBe('  ! delete site old.example.com on web1  (delete reason)');
    expect(lines[1]).toBe('      blocked: prune is false in tide.yaml');
    expect(lines[2]).toBe('      blocked: second reason');
  });

  it('lists changes and warnings indented under the operation', () => {
    const migrate = op('migrate', 'blog.example.com', {
      changes: [
        { field: 'url', from: 'old.example.com', to: 'new.example.com' },
        { field: 'aliases', from: ['a.example.com', 'b.example.com'], to: [] },
        { field: 'env', from: undefined, to: { A: '1', B: 2 } },
        { field: 'profile', from: 'standard', to: null },
        { field: 'https', from: false, to: true },
      ],
      warnings: ['schema of module foo changes'],
    });
    const lines = renderText(plan([migrate]), { color: false }).split('\n');
    expect(lines.slice(1, 7)).toEqual([
      '      url: old.example.com → new.example.com',
      '      aliases: [a.example.com, b.example.com] → []',
      '      env: (none) → {"A":"1","B":2}',
      '      profile: standard → (none)',
      '      https: false → true',
      '      warning: schema of module foo changes',
    ]);
  });

  it('omits "on <server>" for a server target on itself', () => {
    const s = op('verify', 'web1', { target: { kind: 'server', name: 'web1' } });
    expect(renderText(plan([s]), { color: false })).toContain('  ~ verify server web1  (verify reason)\n');
  });

  it('escapes control characters from user strings', () => {
    const out = renderText(plan([op('install', 'evil\x1b[2J.example.com\nfake line')]), { color: false });
    expect(out).not.toMatch(ANSI);
    expect(out).toContain('evil\\u001b[2J.example.com\\nfake line');
  });

  it('shows orphans and counts them in the summary', () => {
    const orphans: Orphan[] = [
      { target: { kind: 'site', name: 'old.example.com' }, server: 'web1', reason: 'file removed; prune is false' },
      { target: { kind: 'platform', name: 'legacy-1.0' }, server: null, reason: 'no longer described' },
    ];
    const out = renderText(plan([op('install', 'a.example.com')], orphans), { color: false });
    expect(out).toContain(
      '\nOrphans (left alone):\n' +
        '  ? site old.example.com on web1: file removed; prune is false\n' +
        '  ? platform legacy-1.0: no longer described\n',
    );
    expect(out.trimEnd().split('\n').at(-1)).toBe('Plan: 1 to install, 2 orphans.');
  });

  it('summarises counts in fixed action order, blocked apart, with pluralisation', () => {
    const ops = [
      op('delete', 'd1'), op('install', 'i1'), op('migrate', 'm1'), op('install', 'i2'),
      op('delete', 'd2'), op('install', 'i3'),
      op('delete', 'd3', { blockers: [{ code: 'c', message: 'm' }] }),
    ];
    const orphan: Orphan = { target: { kind: 'site', name: 'o' }, server: 'web1', reason: 'r' };
    const out = renderText(plan(ops, [orphan]), { color: false });
    expect(out.endsWith('\nPlan: 3 to install, 1 to migrate, 2 to delete, 1 blocked, 1 orphan.\n')).toBe(true);
    expect(summarySentence(plan([op('clone', 'c'), op('deploy', 'p')]))).toBe('Plan: 1 to deploy, 1 to clone.');
  });

  it('says so when there is nothing to do', () => {
    expect(renderText(plan([]), { color: false })).toBe('No changes. The fleet matches the recorded state.\n');
    expect(renderText(plan([]), { color: true })).toContain('No changes. The fleet matches the recorded state.');
  });

  it('uses ANSI colours only when asked', () => {
    const ops = [
      op('install', 'a', { warnings: ['w'] }),
      op('migrate', 'b', { changes: [{ field: 'url', from: 'x', to: 'y' }] }),
      op('delete', 'c'),
      op('delete', 'd', { blockers: [{ code: 'c', message: 'no' }] }),
    ];
    const orphan: Orphan = { target: { kind: 'site', name: 'o' }, server: 'web1', reason: 'r' };
    expect(renderText(plan(ops, [orphan]), { color: false })).not.toMatch(ANSI);
    const colored = renderText(plan(ops, [orphan]), { color: true });
    expect(colored).toContain('\x1b[32m+ install\x1b[0m');
    expect(colored).toContain('\x1b[33m~ migrate\x1b[0m');
    expect(colored).toContain('\x1b[31m- delete\x1b[0m');
    expect(colored).toContain('\x1b[1;31m! delete\x1b[0m');
    expect(colored).toContain('\x1b[2m(install reason)\x1b[0m');
    expect(colored).toContain('\x1b[2murl: x → y\x1b[0m');
  });
});

describe('new things', () => {
  it('lists a new site on one line, and the values of other new things without "(none) →"', () => {
    const text = renderText(plan([
      op('deploy', 'p', { target: { kind: 'platform', name: 'p' }, changes: [{ field: 'source.path', from: null, to: 'src' }] }),
      op('install', 'a.example.com', { changes: [{ field: 'url', from: null, to: 'a.example.com' }] }),
      op('verify', 'b.example.com', { changes: [{ field: 'https.key', from: null, to: '/k' }, { field: 'aliases', from: [], to: ['x'] }] }),
    ]), { color: false });
    expect(text.split('\n').slice(0, 6)).toEqual([
      '  + deploy platform p on web1  (deploy reason)',
      '      source.path: src',
      '  + install site a.example.com on web1  (install reason)',
      '  ~ verify site b.example.com on web1  (verify reason)',
      '      https.key: (none) → /k',
      '      aliases: [] → [x]',
    ]);
  });
});

describe('shouldUseColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it('is on for a TTY with no preference', () => expect(shouldUseColor(tty, {})).toBe(true));
  it('is off when not a TTY', () => {
    expect(shouldUseColor(pipe, {})).toBe(false);
    expect(shouldUseColor({}, {})).toBe(false);
  });
  it('honours NO_COLOR when non-empty', () => {
    expect(shouldUseColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor(tty, { NO_COLOR: '' })).toBe(true);
  });
  it('is off for TERM=dumb', () => expect(shouldUseColor(tty, { TERM: 'dumb' })).toBe(false));
  it('FORCE_COLOR forces it on, or off with 0', () => {
    expect(shouldUseColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(tty, { FORCE_COLOR: '0' })).toBe(false);
  });
});

describe('formatValue and renderJson', () => {
  it('formats values', () => {
    expect(formatValue('')).toBe('""');
    expect(formatValue([1, 'a', null, { b: 1 }])).toBe('[1, a, null, {"b":1}]');
    expect(formatValue(42)).toBe('42');
  });
  it('renders the plan as indented JSON with a trailing newline', () => {
    const p = plan([op('install', 'a')]);
    const out = renderJson(p);
    expect(out.endsWith('}\n')).toBe(true);
    expect(JSON.parse(out)).toEqual(p);
    expect(out.split('\n')[1]).toBe('  "formatVersion": 1,');
  });
});
