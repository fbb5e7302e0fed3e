import { describe, it, expect } from 'vitest';
import type { Orphan } from '../../src/model/plan.js';
import { op, plan } from '../helpers/plan-objects.js';
import { renderMarkdown } from '../../src/plan/render/markdown.js';


/** The cells of a markdown table row, split on unescaped pipes the way GFM does. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
}

describe('renderMarkdown', () => {
  it('has a heading, a summary line and a count table', () => {
    const md = renderMarkdown(plan([
      op('install', 'a'), op('install', 'b'), op('install', 'c'), op('migrate', 'm'),
      op('delete', 'd', { blockers: [{ code: 'c', message: 'no' }] }),
    ], [{ target: { kind: 'site', name: 'o' }, server: 'web1', reason: 'r' }]));
    expect(md.startsWith('### tide plan for acme-hosting\n\n**Plan: 3 to install, 1 to migrate, 1 blocked, 1 orphan.**\n')).toBe(true);
    expect(md).toContain('| Action | Count |\n| --- | ---: |\n| install | 3 |\n| migrate | 1 |\n| blocked | 1 |\n| orphans (left alone) | 1 |\n');
  });

  it('renders a collapsible block per operation', () => {
    const md = renderMarkdown(plan([
      op('install', 'blog.example.com', {
        reason: 'new site on platform notes-2.0',
        changes: [{ field: 'url', from: null, to: 'blog.example.com' }],
        dependsOn: ['platform/notes-2.0/deploy@web1'],
        warnings: ['first install takes a while'],
      }),
    ]));
    expect(md).toContain('<details><summary><code>+ install</code> site <b>blog.example.com</b> on web1</summary>\n\nnew site on platform notes-2.0\n\n');
    expect(md).toContain('| Field | From | To |\n| --- | --- | --- |\n| <code>url</code> | <i>(none)</i> | <code>blog.example.com</code> |');
    expect(md).toContain('**Depends on:** <code>platform/notes-2.0/deploy@web1</code>');
    expect(md).toContain('**Warnings:**\n- first install takes a while');
    expect(md).toContain('\n\n</details>\n');
  });

  it('escapes values so they cannot break the table or inject HTML', () => {
    const nasty = 'a|b `tick` <script>alert(1)</script> \\| *x*\nnext';
    const md = renderMarkdown(plan([
      op('rename', 'x<img src=1>|y', { reason: nasty, changes: [{ field: 'title|f', from: nasty, to: ['c|d', '<b>'] }] }),
    ]));
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('`tick`');
    const row = md.split('\n').find((l) => l.startsWith('| <code>title'));
    expect(row).toBeDefined();
    expect(cells(row!)).toHaveLength(3);
    expect(row).toContain('&#60;script&#62;');
    expect(row).toContain('a&#124;b');
    expect(row).toContain('&#96;tick&#96;');
    expect(row).toContain('&#92;&#124;');
    expect(row).toContain('&#91;c&#124;d, &#60;b&#62;&#93;');
    expect(row).not.toContain('\\|');
    expect(md).toContain('<b>x&#60;img src=1&#62;&#124;y</b>');
  });

  it('calls out blocked operations', () => {
    const md = renderMarkdown(plan([
      op('install', 'ok'),
      op('delete', 'old.example.com', { blockers: [{ code: 'prune-disabled', message: 'prune is false' }] }),
    ]));
    expect(md).toContain('> [!WARNING]\n> 1 operation is blocked and will be skipped, with anything that depends on it:\n> - <code>! delete</code> site <b>old.example.com</b> on web1: prune is false\n');
    expect(md).toContain('<details><summary><code>! delete</code> site <b>old.example.com</b> on web1</summary>');
    expect(md).toContain('**Blocked:**\n- <code>prune-disabled</code> prune is false');
    expect(renderMarkdown(plan([op('install', 'ok')]))).not.toContain('[!WARNING]');
  });

  it('lists orphans and a footer with short hashes', () => {
    const md = renderMarkdown(plan([], [
      { target: { kind: 'site', name: 'old.example.com' }, server: 'web1', reason: 'file removed' },
    ], { state: 'fedcba9876543210' }));
    expect(md).toContain('#### Orphans (left alone)\n\n- site <b>old.example.com</b> on web1: file removed\n');
    expect(md.trimEnd().split('\n').at(-1)).toBe(
      '<sub>plan <code>0123456789ab</code> · desired <code>a1b2c3d</code> · state <code>fedcba9</code></sub>',
    );
  });

  it('says so when there is nothing to do', () => {
    const md = renderMarkdown(plan([], [], { desired: null }));
    expect(md).toContain('**No changes. The fleet matches the recorded state.**');
    expect(md).not.toContain('| Action |');
    expect(md).toContain('desired working tree · state none yet');
  });

  it('keeps a 5,000-operation plan under maxLength and says how many were left out', () => {
    const ops = Array.from({ length: 5000 }, (_, i) =>
      op(i % 2 === 0 ? 'install' : 'migrate', `site-${i}.example.com`, {
        changes: [{ field: 'platform', from: 'notes-1.0', to: 'notes-2.0' }],
        blockers: i % 500 === 7 ? [{ code: 'c', message: 'platform missing' }] : [],
      }),
    );
    const orphans: Orphan[] = [{ target: { kind: 'site', name: 'gone' }, server: 'web1', reason: 'r' }];
    for (const maxLength of [60_000, 20_000]) {
      const md = renderMarkdown(plan(ops, orphans), { maxLength });
      expect(md.length).toBeLessThanOrEqual(maxLength);
      expect(md).toContain('| install | 2500 |');
      expect(md).toContain('| migrate | 2490 |');
      expect(md).toContain('| blocked | 10 |');
      expect(md).toContain('> 10 operations are blocked');
      expect(md).not.toContain('<details>');
      // Migrates remove the old copy: they are listed first, in a section of their own.
      const shown = md.split('\n').filter((l) => /^- <code>[+~!] /.test(l)).length;
      const more = /^- … and (\d+) more operations \(see the job summary \/ JSON plan\)$/m.exec(md);
      const moreDestructive = /^- … and (\d+) more destructive operations \(see the job summary \/ JSON plan\)$/m.exec(md);
      expect(md).toContain('#### Destructive operations');
      expect(more ?? moreDestructive).not.toBeNull();
      expect(shown).toBeGreaterThan(0);
      expect(shown + Number(more?.[1] ?? 0) + Number(moreDestructive?.[1] ?? 0)).toBe(5000);
      expect(md).toContain('- site <b>gone</b> on web1: r');
      expect(md).toContain('<sub>plan <code>0123456789ab</code>');
    }
  });

  it('lists every destructive operation before any other when the plan is cut', () => {
    const ops = Array.from({ length: 5000 }, (_, i) =>
      i % 25 === 3 ? op('delete', `gone-${i}.example.com`) : op('install', `site-${i}.example.com`),
    );
    const md = renderMarkdown(plan(ops), { maxLength: 60_000, fullPlanAt: 'the job summary' });
    expect(md.length).toBeLessThanOrEqual(60_000);
    const deletes = ops.filter((o) => o.action === 'delete');
    expect(deletes).toHaveLength(200);
    for (const d of deletes) expect(md).toContain(`<code>- delete</code> site <b>${d.target.name}</b>`);
    expect(md).not.toContain('more destructive');
    const more = /^- … and (\d+) more operations \(see the job summary\)$/m.exec(md);
    const installs = md.split('\n').filter((l) => l.startsWith('- <code>+ install')).length;
    expect(installs + Number(more![1])).toBe(4800);
  });

  it('renders in full when it fits', () => {
    const ops = Array.from({ length: 20 }, (_, i) => op('install', `s${i}`));
    const md = renderMarkdown(plan(ops));
    expect(md.match(/<details>/g)).toHaveLength(20);
    expect(md).not.toContain('more operations');
  });
});
