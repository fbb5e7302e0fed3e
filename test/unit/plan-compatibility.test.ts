import { describe, expect, it } from 'vitest';
import { checkCompatibility, compareVersions, indexPackages } from '../../src/operations/package-compatibility.js';
import { renderJson } from '../../src/plan/render/json.js';
import { renderMarkdown } from '../../src/plan/render/markdown.js';
import { renderText } from '../../src/plan/render/text.js';
import type { Package, RecordedState } from '../../src/state/types.js';
import { appliedState, BASE, fleetWith, op, ops } from '../helpers/fleet.js';
import { assertValidPlanJson, checkedPlan as plan } from '../helpers/plan-schema.js';

const pkg = (name: string, version: string, schema: number | null = null, extra: Partial<Package> = {}): Package =>
  ({ name, type: 'module', version, schema, enabled: true, ...extra });

describe('compareVersions', () => {
  const cases: Array<[string, string, number | null]> = [
    ['1.2.10', '1.2.9', 1],
    ['1.2.9', '1.2.10', -1],
    ['1.2', '1.2.0', 0],
    ['1.2.3', '1.2.3', 0],
    ['v2.1.0', '2.0.9', 1],
    ['10.0.0', '9.99.99', 1],
    ['2.0.0-rc1', '2.0.0', -1],
    ['2.0.0', '2.0.0-rc1', 1],
    ['2.0.0-rc1', '2.0.0-rc2', -1],
    ['2.0.0-rc10', '2.0.0-rc9', 1],
    ['2.0.0-alpha1', '2.0.0-beta1', -1],
    ['2.0.0-beta2', '2.0.0-rc1', -1],
    ['2.0.0-dev', '2.0.0-alpha1', -1],
    ['2.0.0-RC1', '2.0.0-rc1', 0],
    ['2.0.0rc1', '2.0.0-rc.1', 0],
    ['1.9.0', '2.0.0-rc1', -1],
    ['1.2.3+build.5', '1.2.3', 0],
    // Drupal's core-prefixed contrib versions.
    ['8.x-1.10', '8.x-1.9', 1],
    ['8.x-1.2', '8.x-1.2', 0],
    ['8.x-2.0-beta3', '8.x-2.0', -1],
    ['8.x-1.2', '1.3.0', -1],
    ['1.2.0', '8.x-1.2', 0],
    ['7.x-3.0', '8.x-1.0', -1],
    // Equal strings are equal, whatever they are; other unknowns are not comparable.
    ['unknown', 'unknown', 0],
    ['1.x-dev', '1.x-dev', 0],
    ['1.x-dev', '1.2.0', null],
    ['8.x-1.x-dev', '8.x-1.2', null],
    ['2.0.x-dev', '2.0.1', null],
    ['3f2a1c9', '1.0.0', null],
    ['1.0.0-hotfix', '1.0.0', null],
    ['', '1.0.0', null],
    ['VERSION', '1.0', null],
  ];
  it.each(cases)('compareVersions(%j, %j) is %j', (a, b, expected) => {
    const got = compareVersions(a, b);
    expect(got === null ? null : Math.sign(got)).toBe(expected);
  });

  it('is antisymmetric on the comparable cases', () => {
    for (const [a, b, expected] of cases) {
      if (expected === null) continue;
      expect(Math.sign(compareVersions(b, a)!) || 0).toBe(-expected || 0);
    }
  });
});

describe('checkCompatibility', () => {
  it('blocks a package enabled on the site that the platform does not have', () => {
    const r = checkCompatibility([pkg('notes_tags', '1.0.0', 1)], [pkg('notes', '2.0.0', 2)], 'notes-2.0');
    expect(r).toEqual({
      blockers: ['package notes_tags (module) is enabled on the site but platform notes-2.0 does not have it'],
      warnings: [],
    });
  });

  it('blocks a lower schema: a database cannot be downgraded', () => {
    const r = checkCompatibility([pkg('notes', '2.0.0', 2)], [pkg('notes', '1.0.0', 1)], 'notes-1.0');
    expect(r).toEqual({
      blockers: ['package notes (module) would go to a lower schema on platform notes-1.0 (schema 2 → 1): a database cannot be downgraded'],
      warnings: [],
    });
  });

  it('warns about a lower version at the same schema', () => {
    const r = checkCompatibility([pkg('notes', '2.0.1', 2)], [pkg('notes', '2.0.0', 2)], 'notes-2.0');
    expect(r).toEqual({
      blockers: [],
      warnings: ['package notes (module) would go to a lower version on platform notes-2.0 (2.0.1 → 2.0.0); its schema stays 2'],
    });
  });

  it('warns about a lower version when either schema is unknown', () => {
    expect(checkCompatibility([pkg('notes', '2.0.1', null)], [pkg('notes', '2.0.0', 2)], 'p').warnings).toEqual([
      'package notes (module) would go to a lower version on platform p (2.0.1 → 2.0.0); its schema version is not known',
    ]);
    expect(checkCompatibility([pkg('notes', '2.0.1', 3)], [{ name: 'notes', type: 'module', version: '2.0.0' }], 'p').warnings).toHaveLength(1);
    // Unknown schemas never block.
    expect(checkCompatibility([pkg('notes', '2.0.0', null)], [pkg('notes', '2.0.0', 1)], 'p')).toEqual({ blockers: [], warnings: [] });
  });

  it('ignores disabled packages', () => {
    const site = [pkg('gone', '1.0.0', 1, { enabled: false }), pkg('notes', '3.0.0', 9, { enabled: false })];
    expect(checkCompatibility(site, [pkg('notes', '1.0.0', 1)], 'p')).toEqual({ blockers: [], warnings: [] });
  });

  it('treats a package without `enabled` as enabled', () => {
    const r = checkCompatibility([{ name: 'notes', type: 'module', version: '1.0.0' }], [], 'p');
    expect(r.blockers).toEqual(['package notes (module) is enabled on the site but platform p does not have it']);
  });

  it('is fine with higher versions and schemas, and with versions it cannot compare', () => {
    const site = [pkg('a', '1.0.0', 1), pkg('b', '1.0.0', null), pkg('c', '8.x-1.x-dev', 3), pkg('d', '2.0.0', 1)];
    const target = [pkg('a', '1.1.0', 2), pkg('b', '8.x-1.1'), pkg('c', '8.x-1.0', 3), pkg('d', '1.0.0', 2)];
    expect(checkCompatibility(site, target, 'p')).toEqual({ blockers: [], warnings: [] });
  });

  it('gives one message per package, sorted by package name', () => {
    const site = [pkg('zeta', '1.0.0', 1), pkg('alpha', '2.0.0', 5), pkg('mid', '1.2.0', 1), pkg('beta', '1.0.0', 1), pkg('gamma', '1.1.0', 2)];
    const target = [pkg('alpha', '1.0.0', 4), pkg('mid', '1.1.0', 1), pkg('gamma', '1.0.0', 2)];
    const r = checkCompatibility(site, target, 'p');
    expect(r.blockers.map((m) => m.split(' ')[1])).toEqual(['alpha', 'beta', 'zeta']);
    expect(r.warnings.map((m) => m.split(' ')[1])).toEqual(['gamma', 'mid']);
    // alpha is both a version and a schema downgrade: one blocker, no warning.
    expect(r.blockers[0]).toMatch(/schema 5 → 4/);
  });

  it('accepts a prebuilt index, and prefers the same type when names repeat', () => {
    const target = indexPackages([pkg('notes', '1.0.0', 1, { type: 'theme' }), pkg('notes', '2.0.0', 2)]);
    expect(checkCompatibility([pkg('notes', '2.0.0', 2)], target, 'p')).toEqual({ blockers: [], warnings: [] });
    expect(checkCompatibility([pkg('notes', '2.0.0', 2, { type: 'theme' })], target, 'p').blockers).toEqual([
      'package notes (theme) would go to a lower schema on platform p (schema 2 → 1): a database cannot be downgraded',
    ]);
  });
});

describe('the plan checks package compatibility', () => {
  const site = (name: string, body: string) =>
    ['kind: Site', `name: ${name}`, ...body.split('\n').map((l) => l.trim())].join('\n') + '\n';

  const NOTES_2 = pkg('notes', '2.0.0', 2);
  const NOTES_1 = pkg('notes', '1.0.0', 1);
  const SCHEMA_BLOCKER = 'package notes (module) would go to a lower schema on platform notes-1.0 (schema 2 → 1): a database cannot be downgraded';

  /** BASE as applied, with c.example.com (on notes-2.0) and both platforms inventoried. */
  function inventoried(): RecordedState {
    const recorded = appliedState(fleetWith());
    recorded.sites.get('c.example.com')!.packages = [NOTES_2, pkg('notes_tags', '2.0.0', 1, { enabled: false })];
    recorded.sites.get('a.example.com')!.packages = [NOTES_1];
    recorded.platforms.get('notes-1.0')!.packages = [NOTES_1];
    recorded.platforms.get('notes-2.0')!.packages = [NOTES_2];
    return recorded;
  }

  // c moves back to notes-1.0 (web1 only, so its pin goes), is renamed, and d is cloned from it.
  const downgrade = () => fleetWith({
    'sites/c.example.com.yaml': site('c.example.com', 'platform: notes-1.0\nurl: cc.example.com'),
    'sites/d.example.com.yaml': site('d.example.com', 'platform: notes-2.0\ncloneFrom: c.example.com'),
  });

  it('blocks a migrate to a platform with a lower schema, naming the package, and what depends on it', () => {
    const p = plan(downgrade(), inventoried());
    expect(op(p, 'site/c.example.com/migrate')).toMatchObject({
      blockers: [{ code: 'package-incompatible', message: SCHEMA_BLOCKER }],
      warnings: [],
    });
    expect(op(p, 'site/c.example.com/rename').blockers).toEqual([
      { code: 'dependency-blocked', message: 'waits for site/c.example.com/migrate, which is blocked' },
    ]);
    expect(op(p, 'site/d.example.com/clone').blockers).toEqual([
      expect.objectContaining({ code: 'dependency-blocked' }),
    ]);
    expect(p.summary.blocked).toBe(3);
  });

  it('shows each package reason in the text, markdown and JSON plans', () => {
    const recorded = inventoried();
    recorded.sites.get('c.example.com')!.packages!.push(pkg('notes_search', '1.0.0', 1));
    const p = plan(downgrade(), recorded);
    const missing = 'package notes_search (module) is enabled on the site but platform notes-1.0 does not have it';
    expect(op(p, 'site/c.example.com/migrate').blockers.map((b) => b.message)).toEqual([SCHEMA_BLOCKER, missing]);

    const text = renderText(p, { color: false });
    expect(text).toContain(`  ! migrate site c.example.com on web1  (platform notes-2.0 → notes-1.0 (server web2 → web1): backup, compatibility check, update, switch)\n      blocked: ${SCHEMA_BLOCKER}\n      blocked: ${missing}\n`);

    const md = renderMarkdown(p);
    const escaped = missing.replace('_', '&#95;');
    // The callout: one line per blocked operation, its reasons joined.
    expect(md).toContain(`> - <code>! migrate</code> site <b>c.example.com</b> on web1: ${SCHEMA_BLOCKER}; ${escaped}\n`);
    // The operation's details: each reason with its code.
    expect(md).toContain(`**Blocked:**\n- <code>package-incompatible</code> ${SCHEMA_BLOCKER}\n- <code>package-incompatible</code> ${escaped}`);

    assertValidPlanJson(p);
    const json = JSON.parse(renderJson(p)) as { operations: Array<{ id: string; blockers: unknown }> };
    expect(json.operations.find((o) => o.id === 'site/c.example.com/migrate')!.blockers).toEqual([
      { code: 'package-incompatible', message: SCHEMA_BLOCKER },
      { code: 'package-incompatible', message: missing },
    ]);
  });

  it('lets a compatible migrate through, with a warning for a version downgrade at the same schema', () => {
    const recorded = inventoried();
    recorded.sites.get('a.example.com')!.packages = [pkg('notes', '1.0.3', 1)];
    const up = plan(fleetWith({ 'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-2.0\nclient: acme') }), recorded);
    expect(op(up, 'site/a.example.com/migrate')).toMatchObject({ blockers: [], warnings: [] });

    recorded.platforms.get('notes-2.0')!.packages = [pkg('notes', '1.0.1', 1)];
    const down = plan(fleetWith({ 'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-2.0\nclient: acme') }), recorded);
    expect(op(down, 'site/a.example.com/migrate')).toMatchObject({
      blockers: [],
      warnings: ['package notes (module) would go to a lower version on platform notes-2.0 (1.0.3 → 1.0.1); its schema stays 1'],
    });
  });

  it('does not check a move to another server of the same platform', () => {
    const recorded = inventoried();
    recorded.platforms.get('notes-2.0')!.packages = [];
    const p = plan(fleetWith({ 'sites/c.example.com.yaml': site('c.example.com', 'platform: notes-2.0\nserver: web1') }), recorded);
    expect(op(p, 'site/c.example.com/migrate')).toMatchObject({ blockers: [], warnings: [] });
  });

  it('only warns when an inventory is missing: the migrate checks again when it runs', () => {
    const move = fleetWith({ 'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-2.0\nclient: acme') });
    const noSite = inventoried();
    delete noSite.sites.get('a.example.com')!.packages;
    expect(op(plan(move, noSite), 'site/a.example.com/migrate')).toMatchObject({
      blockers: [],
      warnings: ['compatibility is checked when the migrate runs: site a.example.com has no package inventory yet'],
    });

    const noPlatform = inventoried();
    delete noPlatform.platforms.get('notes-2.0')!.packages;
    expect(op(plan(move, noPlatform), 'site/a.example.com/migrate')).toMatchObject({
      blockers: [],
      warnings: ['compatibility is checked when the migrate runs: platform notes-2.0 has no package inventory yet'],
    });

    // Plain appliedState records no packages at all.
    expect(op(plan(move, appliedState(fleetWith())), 'site/a.example.com/migrate').warnings).toEqual([
      'compatibility is checked when the migrate runs: site a.example.com has no package inventory yet; platform notes-2.0 has no package inventory yet',
    ]);
  });

  it('neither checks nor warns when the target platform cannot list packages (no packages command)', () => {
    const noCommand = BASE['platforms/notes-2.0.yaml']!.replace(', packages: php bin/packages.php', '');
    expect(noCommand).not.toContain('packages');
    const move = fleetWith({ 'platforms/notes-2.0.yaml': noCommand, 'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-2.0\nclient: acme') });
    const migrate = op(plan(move, appliedState(fleetWith())), 'site/a.example.com/migrate');
    expect(migrate).toMatchObject({ blockers: [], warnings: [] });
  });

  it('only warns for a platform deployed in the same plan, or whose code changes in it', () => {
    const notes3 = BASE['platforms/notes-2.0.yaml']!.replaceAll('notes-2.0', 'notes-3.0').replace('v2.0.0', 'v3.0.0');
    const desired = fleetWith({
      'platforms/notes-3.0.yaml': notes3,
      'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-3.0\nclient: acme'),
    });
    const p = plan(desired, inventoried());
    expect(op(p, 'site/a.example.com/migrate')).toMatchObject({
      blockers: [],
      warnings: ['compatibility is checked when the migrate runs: platform notes-3.0 has no package inventory yet'],
      dependsOn: expect.arrayContaining(['platform/notes-3.0/deploy@web1']),
    });

    // notes-3.0 recorded with an old inventory (schema 1) but getting new code now.
    const recorded = inventoried();
    const old = appliedState(fleetWith({ 'platforms/notes-3.0.yaml': notes3.replace('v3.0.0', 'v3.0.0-rc1') })).platforms.get('notes-3.0')!;
    recorded.platforms.set('notes-3.0', { ...old, packages: [pkg('notes', '0.9.0', 0)] });
    const redeploy = plan(desired, recorded);
    expect(ops(redeploy)).toContain('platform/notes-3.0/deploy@web1');
    expect(op(redeploy, 'site/a.example.com/migrate')).toMatchObject({
      blockers: [],
      warnings: ['compatibility is checked when the migrate runs: platform notes-3.0 gets new code in this plan, so its recorded packages are out of date'],
    });
  });

  it('blocks a clone from a source on a newer schema than the clone\'s platform', () => {
    const p = plan(fleetWith({ 'sites/d.example.com.yaml': site('d.example.com', 'platform: notes-1.0\ncloneFrom: c.example.com') }), inventoried());
    expect(op(p, 'site/d.example.com/clone')).toMatchObject({
      blockers: [{ code: 'package-incompatible', message: SCHEMA_BLOCKER }],
      warnings: [],
    });
    expect(renderText(p, { color: false })).toContain(`  ! clone site d.example.com on web1  (new site cloned from c.example.com)\n      blocked: ${SCHEMA_BLOCKER}\n`);
  });

  it('lets a compatible clone through, and only warns while its source has no inventory', () => {
    const ok = plan(fleetWith({ 'sites/d.example.com.yaml': site('d.example.com', 'platform: notes-2.0\ncloneFrom: a.example.com') }), inventoried());
    expect(op(ok, 'site/d.example.com/clone')).toMatchObject({ blockers: [], warnings: [] });

    // The source is new in this plan.
    const fresh = plan(fleetWith({
      'sites/e.example.com.yaml': site('e.example.com', 'platform: notes-2.0'),
      'sites/d.example.com.yaml': site('d.example.com', 'platform: notes-1.0\ncloneFrom: e.example.com'),
    }), inventoried());
    expect(op(fresh, 'site/d.example.com/clone')).toMatchObject({
      blockers: [],
      warnings: ['compatibility is checked when the clone runs: site e.example.com has no package inventory yet'],
    });

    // The source (sorting after the clone) changes platform first: its recorded schemas will not hold.
    const moving = plan(fleetWith({
      'sites/c.example.com.yaml': site('c.example.com', 'platform: notes-1.0'),
      'sites/b0.example.com.yaml': site('b0.example.com', 'platform: notes-1.0\ncloneFrom: c.example.com'),
    }), inventoried());
    expect(op(moving, 'site/b0.example.com/clone').warnings).toEqual([
      'compatibility is checked when the clone runs: site c.example.com migrates to platform notes-1.0 first in this plan',
    ]);
    expect(op(moving, 'site/b0.example.com/clone').blockers).toEqual([
      expect.objectContaining({ code: 'dependency-blocked' }),
    ]);
  });
});
