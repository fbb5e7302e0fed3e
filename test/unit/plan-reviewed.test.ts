// The reviewed-plan check: plans made by the real planner from fleet files,
// compared operation by operation (identity), not by hash.

import { describe, expect, it } from 'vitest';
import { holdBackUnreviewed, operationIdentity, removesData, reviewedFrom, reviewKey } from '../../src/plan/reviewed.js';
import type { Plan } from '../../src/model/plan.js';
import { appliedState, fleetWith, ops } from '../helpers/fleet.js';
import { checkedPlan as plan } from '../helpers/plan-schema.js';

const site = (name: string, body: string) => `
  kind: Site
  name: ${name}
${body.split('\n').map((l) => `  ${l.trim()}`).join('\n')}
`;

const recorded = appliedState(fleetWith());
const planWith = (changes: Record<string, string | null>): Plan => plan(fleetWith(changes), recorded);
const held = (now: Plan, reviewed: Plan): string[] => holdBackUnreviewed(now.operations, reviewedFrom(reviewed, 'pr')).held.map((o) => o.id);

describe('holdBackUnreviewed', () => {
  const deleteA = { 'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-1.0\nstatus: deleted') };
  const migrateC = { 'sites/c.example.com.yaml': site('c.example.com', 'platform: notes-2.0\nserver: web1') };
  const aliasB = { 'sites/b.example.com.yaml': site('b.example.com', 'platform: notes-1.0\naliases: [bee.example.com]') };

  it('lets a reviewed delete run although the plan changed elsewhere since (no false "plan changed")', () => {
    const reviewed = planWith(deleteA);
    const now = planWith({ ...deleteA, ...aliasB, 'sites/new.example.com.yaml': site('new.example.com', 'platform: notes-1.0') });
    expect(now.hash).not.toBe(reviewed.hash);
    expect(held(now, reviewed)).toEqual([]);
    expect(holdBackUnreviewed(now.operations, reviewedFrom(reviewed, 'pr')).operations.every((o) => o.blockers.length === 0)).toBe(true);
  });

  it('holds back a delete and a migrate the reviewers never saw, and only those', () => {
    const reviewed = planWith(aliasB);
    const now = planWith({ ...aliasB, ...deleteA, ...migrateC, 'sites/new.example.com.yaml': site('new.example.com', 'platform: notes-1.0') });
    expect(ops(now)).toEqual(expect.arrayContaining(['site/a.example.com/delete', 'site/c.example.com/migrate', 'site/new.example.com/install', 'site/b.example.com/verify']));
    expect(held(now, reviewed)).toEqual(['site/a.example.com/delete', 'site/c.example.com/migrate']);
    const after = holdBackUnreviewed(now.operations, reviewedFrom(reviewed, 'pr')).operations;
    expect(after.find((o) => o.id === 'site/a.example.com/delete')!.blockers).toEqual([{ code: 'not-reviewed', message: expect.stringMatching(/^not in the reviewed plan/) }]);
    expect(after.filter((o) => !removesData(o)).every((o) => o.blockers.length === 0)).toBe(true);
  });

  it('holds back a migrate whose destination changed since the review', () => {
    const reviewed = planWith(migrateC);
    const elsewhere = planWith({ 'sites/c.example.com.yaml': site('c.example.com', 'platform: notes-1.0\nserver: web1') });
    expect(held(elsewhere, reviewed)).toEqual(['site/c.example.com/migrate']);
    const migrate = elsewhere.operations.find((o) => o.action === 'migrate')!;
    expect(operationIdentity(migrate)).toMatch(/platform=notes-1.0/);
    // The key names the operation for people and tells the destinations apart.
    expect(reviewKey(migrate)).toMatch(/^site\/c\.example\.com\/migrate#[0-9a-f]{12}$/);
    expect(reviewKey(migrate)).not.toBe(reviewKey(reviewed.operations.find((o) => o.action === 'migrate')!));
  });

  it('holds back a platform delete the reviewers never saw', () => {
    // notes-2.0 leaves web1, where no site uses it: its code there is deleted.
    const now = planWith({ 'platforms/notes-2.0.yaml': `
      kind: Platform
      name: notes-2.0
      servers: [web2]
      driver: script
      source: { git: https://git.example.net/notes.git, ref: v2.0.0 }
      commands: { install: php bin/install.php, packages: php bin/packages.php }
    ` });
    expect(ops(now)).toEqual(['platform/notes-2.0/delete@web1']);
    expect(held(now, planWith(aliasB))).toEqual(['platform/notes-2.0/delete@web1']);
    expect(held(now, now)).toEqual([]);
  });
});
