import { describe, expect, it } from 'vitest';
import { emptyRecordedState } from '../../src/state/types.js';
import { placeSite } from '../../src/plan/placement.js';
import { withoutRepairs } from '../../src/apply/filter.js';
import { appliedState, BASE, fleetWith, op, ops } from '../helpers/fleet.js';
import { checkedPlan as plan } from '../helpers/plan-schema.js';

const empty = () => emptyRecordedState('tide-state');

const site = (name: string, body: string) => `
  kind: Site
  name: ${name}
${body.split('\n').map((l) => `  ${l.trim()}`).join('\n')}
`;

describe('plan from an empty state', () => {
  const p = plan(fleetWith(), empty());

  it('verifies servers, deploys platforms on each server, installs sites, in that order', () => {
    expect(ops(p)).toEqual([
      'server/web1/verify',
      'server/web2/verify',
      'platform/notes-1.0/deploy@web1',
      'platform/notes-2.0/deploy@web1',
      'platform/notes-2.0/deploy@web2',
      'site/a.example.com/install',
      'site/b.example.com/install',
      'site/c.example.com/install',
    ]);
  });

  it('makes an install wait for its server and for the deploy of its platform there', () => {
    expect(op(p, 'site/a.example.com/install').dependsOn).toEqual(['server/web1/verify', 'platform/notes-1.0/deploy@web1']);
    expect(op(p, 'site/c.example.com/install')).toMatchObject({ server: 'web2', dependsOn: ['server/web2/verify', 'platform/notes-2.0/deploy@web2'] });
  });

  it('says why, and lists what a new site brings without defaults', () => {
    const install = op(p, 'site/b.example.com/install');
    expect(install.reason).toBe('new site on platform notes-1.0');
    expect(install.changes).toEqual([
      { field: 'platform', from: null, to: 'notes-1.0' },
      { field: 'server', from: null, to: 'web1' },
      { field: 'url', from: null, to: 'b.example.com' },
      { field: 'aliases', from: null, to: ['www.b.example.com'] },
    ]);
    expect(op(p, 'server/web1/verify').reason).toMatch(/^new server/);
    expect(op(p, 'platform/notes-1.0/deploy@web1').reason).toBe('new platform (script)');
  });

  it('summarises by action', () => {
    expect(p.summary).toEqual({ operations: 8, byAction: { verify: 2, deploy: 3, install: 3 }, blocked: 0, orphans: 0 });
    expect(p.state).toEqual({ branch: 'tide-state', commit: null });
  });
});

describe('plan against the state it produced', () => {
  it('has nothing to do', () => {
    const desired = fleetWith();
    const p = plan(desired, appliedState(desired));
    expect(p.operations).toEqual([]);
    expect(p.orphans).toEqual([]);
  });
});

describe('server changes', () => {
  it('verifies a server whose settings changed, naming each field', () => {
    const before = fleetWith();
    const p = plan(fleetWith({ 'servers/web1.yaml': BASE['servers/web1.yaml']!.replace('kind: Server', 'kind: Server\n    port: 2222') }), appliedState(before));
    expect(ops(p)).toEqual(['server/web1/verify']);
    expect(op(p, 'server/web1/verify').changes).toEqual([{ field: 'port', from: 22, to: 2222 }]);
    expect(op(p, 'server/web1/verify').reason).toBe('changed: port');
  });

  it('reports a server removed from the fleet as an orphan and never removes it', () => {
    const before = fleetWith();
    const after = fleetWith({
      'servers/web2.yaml': null,
      'platforms/notes-2.0.yaml': BASE['platforms/notes-2.0.yaml']!.replace('[web1, web2]', '[web1]'),
      'sites/c.example.com.yaml': site('c.example.com', 'platform: notes-2.0'),
    });
    const p = plan(after, appliedState(before));
    expect(p.orphans).toEqual([{ target: { kind: 'server', name: 'web2' }, server: 'web2', reason: expect.stringMatching(/never removes a server/) }]);
    expect(ops(p)).toEqual(['site/c.example.com/migrate', 'platform/notes-2.0/delete@web2']);
    expect(op(p, 'platform/notes-2.0/delete@web2').dependsOn).toEqual(['site/c.example.com/migrate']);
  });
});

describe('site changes', () => {
  const before = fleetWith();
  const recorded = appliedState(before);
  const change = (name: string, body: string) => plan(fleetWith({ [`sites/${name}.yaml`]: site(name, body) }), recorded);

  it('verifies a site whose aliases changed', () => {
    const p = change('a.example.com', 'platform: notes-1.0\nclient: acme\naliases: [www.a.example.com]');
    expect(ops(p)).toEqual(['site/a.example.com/verify']);
    expect(op(p, 'site/a.example.com/verify')).toMatchObject({
      server: 'web1',
      reason: 'changed: aliases; rewrite its config',
      changes: [{ field: 'aliases', from: [], to: ['www.a.example.com'] }],
      destructive: false,
    });
  });

  it('verifies the sites whose PHP isolation changed: the Platform\'s over the Server\'s', () => {
    const isolated = (file: string, extra: string) => ({ [file]: BASE[file]!.replace(/\n\s*$/, `\n    ${extra}\n`) });
    const p = plan(fleetWith({
      ...isolated('servers/web1.yaml', 'php: { isolation: per-site }'),
      ...isolated('platforms/notes-2.0.yaml', 'php: { isolation: shared }'),
    }), recorded);
    // a and b run on notes-1.0 on web1; c's platform keeps the shared pool.
    expect(ops(p)).toEqual(['site/a.example.com/verify', 'site/b.example.com/verify']);
    expect(op(p, 'site/a.example.com/verify')).toMatchObject({
      reason: 'changed: php.isolation; rewrite its config',
      changes: [{ field: 'php.isolation', from: null, to: 'per-site' }],
    });
  });

  it('warns when a site changes pool next to PHP sites of the other kind on its server', () => {
    const isolated = (file: string, extra: string) => ({ [file]: BASE[file]!.replace(/\n\s*$/, `\n    ${extra}\n`) });
    const p = plan(fleetWith({
      ...isolated('platforms/notes-1.0.yaml', 'php: { isolation: per-site }'),
      // d runs notes-2.0 on web1 in the shared pool, beside a and b now isolated.
      'sites/d.example.com.yaml': site('d.example.com', 'platform: notes-2.0\nserver: web1'),
    }), recorded);
    expect(ops(p)).toEqual(['site/a.example.com/verify', 'site/b.example.com/verify', 'site/d.example.com/install']);
    expect(op(p, 'site/a.example.com/verify').warnings).toEqual([
      expect.stringMatching(/^web1 also runs PHP sites in the shared pool as the web server's user \(d\.example\.com\): .*PHP_ADMIN_VALUE/),
    ]);
    expect(op(p, 'site/d.example.com/install').warnings).toEqual([
      expect.stringMatching(/^this site's PHP runs in the shared pool .* isolated pools of a\.example\.com, b\.example\.com on web1/),
    ]);
    // c shares no server with an isolated site; once applied, nothing warns again.
    expect(plan(fleetWith({ ...isolated('servers/web1.yaml', 'php: { isolation: per-site }') }), recorded)
      .operations.flatMap((o) => o.warnings)).toEqual([]);
  });

  it('verifies https changes field by field', () => {
    const p = change('a.example.com', 'platform: notes-1.0\nclient: acme\nhttps: { certificate: /etc/ssl/a.pem, key: /etc/ssl/a.key, required: true }');
    expect(op(p, 'site/a.example.com/verify').changes).toEqual([
      { field: 'https.certificate', from: null, to: '/etc/ssl/a.pem' },
      { field: 'https.key', from: null, to: '/etc/ssl/a.key' },
      { field: 'https.required', from: null, to: true },
    ]);
  });

  it('warns that a new profile does not reinstall the site', () => {
    const p = change('a.example.com', 'platform: notes-1.0\nclient: acme\nprofile: minimal');
    expect(op(p, 'site/a.example.com/verify').warnings).toEqual([expect.stringMatching(/profile is used only when a site is installed/)]);
  });

  it('migrates a site whose platform changed, on the same server', () => {
    const p = change('a.example.com', 'platform: notes-2.0\nclient: acme');
    expect(ops(p)).toEqual(['site/a.example.com/migrate']);
    expect(op(p, 'site/a.example.com/migrate')).toMatchObject({
      server: 'web1',
      destructive: true,
      changes: [{ field: 'platform', from: 'notes-1.0', to: 'notes-2.0' }],
      reason: expect.stringMatching(/^platform notes-1.0 → notes-2.0: backup/),
    });
  });

  it('migrates a site pinned to another server', () => {
    const p = change('c.example.com', 'platform: notes-2.0\nserver: web1');
    expect(op(p, 'site/c.example.com/migrate')).toMatchObject({
      server: 'web1',
      changes: [{ field: 'server', from: 'web2', to: 'web1' }],
      reason: expect.stringMatching(/^pinned to server web1/),
    });
  });

  it('renames a site whose url changed, carrying its other changes along', () => {
    const p = change('b.example.com', 'platform: notes-1.0\nurl: bee.example.com\naliases: [b.example.com]');
    expect(ops(p)).toEqual(['site/b.example.com/rename']);
    expect(op(p, 'site/b.example.com/rename').changes).toEqual([
      { field: 'url', from: 'b.example.com', to: 'bee.example.com' },
      { field: 'aliases', from: ['www.b.example.com'], to: ['b.example.com'] },
    ]);
  });

  it('chains migrate → rename → disable for one site', () => {
    const p = change('a.example.com', 'platform: notes-2.0\nclient: acme\nurl: aa.example.com\nstatus: disabled');
    expect(ops(p)).toEqual(['site/a.example.com/migrate', 'site/a.example.com/rename', 'site/a.example.com/disable']);
    expect(op(p, 'site/a.example.com/rename').dependsOn).toEqual(['site/a.example.com/migrate']);
    expect(op(p, 'site/a.example.com/disable').dependsOn).toEqual(['site/a.example.com/rename']);
  });

  it('disables and enables', () => {
    const disabled = change('a.example.com', 'platform: notes-1.0\nclient: acme\nstatus: disabled');
    expect(op(disabled, 'site/a.example.com/disable').changes).toEqual([{ field: 'status', from: 'enabled', to: 'disabled' }]);
    const desired = fleetWith({ 'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-1.0\nclient: acme\nstatus: disabled') });
    const enabled = plan(before, appliedState(desired));
    expect(ops(enabled)).toEqual(['site/a.example.com/enable']);
  });

  it('deletes a site whose status is deleted, destructively and with a backup first', () => {
    const p = change('a.example.com', 'platform: notes-1.0\nstatus: deleted');
    expect(ops(p)).toEqual(['site/a.example.com/delete']);
    expect(op(p, 'site/a.example.com/delete')).toMatchObject({ destructive: true, reason: expect.stringMatching(/^status is deleted: back up/) });
  });

  it('does nothing for a deleted site that was never created', () => {
    const p = plan(fleetWith({ 'sites/new.example.com.yaml': site('new.example.com', 'platform: notes-1.0\nstatus: deleted') }), recorded);
    expect(p.operations).toEqual([]);
  });

  it('leaves a site whose file was removed alone when prune is off', () => {
    const p = plan(fleetWith({ 'sites/b.example.com.yaml': null }), recorded);
    expect(p.operations).toEqual([]);
    expect(p.orphans).toEqual([{ target: { kind: 'site', name: 'b.example.com' }, server: 'web1', reason: expect.stringMatching(/prune is off/) }]);
  });

  it('deletes a site whose file was removed when prune is on', () => {
    const p = plan(fleetWith({ 'sites/b.example.com.yaml': null, 'tide.yaml': 'kind: Fleet\nname: acme\nprune: true\n' }), recorded);
    expect(op(p, 'site/b.example.com/delete').reason).toMatch(/file was removed and prune is on/);
  });

  it('clones a new site once its new source exists', () => {
    const p = plan(
      fleetWith({
        'sites/d.example.com.yaml': site('d.example.com', 'platform: notes-1.0'),
        'sites/e.example.com.yaml': site('e.example.com', 'platform: notes-2.0\ncloneFrom: d.example.com'),
      }),
      recorded,
    );
    expect(op(p, 'site/e.example.com/clone')).toMatchObject({ reason: 'new site cloned from d.example.com' });
    expect(op(p, 'site/e.example.com/clone').dependsOn).toContain('site/d.example.com/install');
    expect(ops(p).indexOf('site/d.example.com/install')).toBeLessThan(ops(p).indexOf('site/e.example.com/clone'));
  });
});

describe('drift a verify recorded', () => {
  const desired = fleetWith();
  const drifted = () => {
    const recorded = appliedState(desired);
    recorded.sites.get('a.example.com')!.drift = ['vhost missing'];
    recorded.platforms.get('notes-1.0')!.drift = ['web1: code changed on the server'];
    return recorded;
  };

  it('plans repairs marked as such, which the daemon leaves out without selfHeal', () => {
    const p = plan(desired, drifted());
    expect(ops(p)).toEqual(['platform/notes-1.0/deploy@web1', 'site/a.example.com/verify']);
    expect(op(p, 'site/a.example.com/verify')).toMatchObject({ repair: true, reason: 'tide verify found drift (vhost missing); rewrite its config' });
    expect(op(p, 'platform/notes-1.0/deploy@web1').repair).toBe(true);
    expect(withoutRepairs(p.operations)).toEqual([]);
  });

  it('is no repair when the fleet changed the target too, and a repair something waits for stays', () => {
    const changed = plan(fleetWith({ 'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-1.0\nclient: acme\naliases: [www.a.example.com]') }), drifted());
    expect(op(changed, 'site/a.example.com/verify').repair).toBeUndefined();
    expect(withoutRepairs(changed.operations).map((o) => o.id)).toEqual(['site/a.example.com/verify']);

    const disabled = plan(fleetWith({ 'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-1.0\nclient: acme\nstatus: disabled') }), drifted());
    expect(op(disabled, 'site/a.example.com/disable').dependsOn).toContain('site/a.example.com/verify');
    expect(withoutRepairs(disabled.operations).map((o) => o.id)).toEqual(['site/a.example.com/verify', 'site/a.example.com/disable']);
  });
});

describe('platform changes', () => {
  const before = fleetWith();
  const recorded = appliedState(before);
  const notes1 = (ref: string) => BASE['platforms/notes-1.0.yaml']!.replace('v1.0.0', ref);

  it('blocks new code under live sites, which must migrate instead', () => {
    const p = plan(fleetWith({ 'platforms/notes-1.0.yaml': notes1('v1.0.1') }), recorded);
    const deploy = op(p, 'platform/notes-1.0/deploy@web1');
    expect(deploy.changes).toEqual([{ field: 'source.ref', from: 'v1.0.0', to: 'v1.0.1' }]);
    expect(deploy.blockers).toEqual([{ code: 'platform-in-use', message: expect.stringMatching(/^2 sites on web1 \(a.example.com, b.example.com\)/) }]);
    expect(p.summary.blocked).toBe(1);
  });

  it('redeploys only where no site runs', () => {
    const p = plan(fleetWith({ 'platforms/notes-2.0.yaml': BASE['platforms/notes-2.0.yaml']!.replace('v2.0.0', 'v2.0.1') }), recorded);
    expect(op(p, 'platform/notes-2.0/deploy@web1').blockers).toEqual([]);
    expect(op(p, 'platform/notes-2.0/deploy@web2').blockers).toHaveLength(1);
  });

  it('blocks what waits for a blocked operation', () => {
    const p = plan(fleetWith({ 'platforms/notes-1.0.yaml': notes1('v1.0.1'), 'sites/d.example.com.yaml': site('d.example.com', 'platform: notes-1.0') }), recorded);
    expect(op(p, 'site/d.example.com/install').blockers).toEqual([
      { code: 'dependency-blocked', message: 'waits for platform/notes-1.0/deploy@web1, which is blocked' },
    ]);
  });

  it('records a change of commands with a verify, not a redeploy', () => {
    const p = plan(fleetWith({ 'platforms/notes-1.0.yaml': BASE['platforms/notes-1.0.yaml']!.replace('packages: php bin/packages.php }', 'packages: php bin/packages.php, cron: php bin/cron.php }') }), recorded);
    expect(ops(p)).toEqual(['platform/notes-1.0/verify@web1']);
  });

  it('deletes a pruned platform only after its sites have moved away', () => {
    const p = plan(
      fleetWith({
        'tide.yaml': 'kind: Fleet\nname: acme\nprune: true\n',
        'platforms/notes-1.0.yaml': null,
        'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-2.0\nclient: acme'),
        'sites/b.example.com.yaml': site('b.example.com', 'platform: notes-2.0\naliases: [www.b.example.com]'),
      }),
      recorded,
    );
    expect(ops(p)).toEqual(['site/a.example.com/migrate', 'site/b.example.com/migrate', 'platform/notes-1.0/delete@web1']);
    expect(op(p, 'platform/notes-1.0/delete@web1')).toMatchObject({
      dependsOn: ['site/a.example.com/migrate', 'site/b.example.com/migrate'],
      blockers: [],
      destructive: true,
    });
  });

  it('deletes a pruned platform once every site on it is deleted or moved', () => {
    const p = plan(
      fleetWith({
        'tide.yaml': 'kind: Fleet\nname: acme\nprune: true\n',
        'platforms/notes-1.0.yaml': null,
        'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-2.0\nclient: acme'),
        'sites/b.example.com.yaml': null,
      }),
      recorded,
    );
    // b's file is gone and prune is on, so b is deleted; a migrates: nothing stays.
    expect(op(p, 'platform/notes-1.0/delete@web1')).toMatchObject({
      blockers: [],
      dependsOn: ['site/a.example.com/migrate', 'site/b.example.com/delete'],
    });
  });

  it('refuses to delete a platform under an orphaned site', () => {
    const p = plan(
      fleetWith({
        'platforms/notes-2.0.yaml': BASE['platforms/notes-2.0.yaml']!.replace('[web1, web2]', '[web1]'),
        'sites/c.example.com.yaml': null,
      }),
      recorded,
    );
    expect(op(p, 'platform/notes-2.0/delete@web2').blockers).toEqual([
      { code: 'platform-has-sites', message: expect.stringMatching(/^1 site still on it at web2 \(c.example.com\)/) },
    ]);
    expect(p.orphans.map((o) => o.target.name)).toEqual(['c.example.com']);
  });

  it('leaves a removed platform alone when prune is off', () => {
    const p = plan(fleetWith({ 'platforms/notes-2.0.yaml': null, 'sites/c.example.com.yaml': null }), recorded);
    expect(p.operations).toEqual([]);
    expect(p.orphans.map((o) => `${o.target.kind}/${o.target.name}@${o.server}`)).toEqual([
      'platform/notes-2.0@web1',
      'platform/notes-2.0@web2',
      'site/c.example.com@web2',
    ]);
  });
});

describe('hostnames changing hands', () => {
  const recorded = appliedState(fleetWith());

  it('installs a site on a hostname only after the site that had it is deleted', () => {
    const p = plan(
      fleetWith({
        'sites/b.example.com.yaml': site('b.example.com', 'platform: notes-1.0\nstatus: deleted'),
        'sites/d.example.com.yaml': site('d.example.com', 'platform: notes-1.0\naliases: [www.b.example.com]'),
      }),
      recorded,
    );
    expect(op(p, 'site/d.example.com/install').dependsOn).toContain('site/b.example.com/delete');
    expect(ops(p).indexOf('site/b.example.com/delete')).toBeLessThan(ops(p).indexOf('site/d.example.com/install'));
  });

  it('blocks taking a hostname an orphaned site still serves', () => {
    const p = plan(
      fleetWith({ 'sites/b.example.com.yaml': null, 'sites/d.example.com.yaml': site('d.example.com', 'platform: notes-1.0\naliases: [www.b.example.com]') }),
      recorded,
    );
    expect(op(p, 'site/d.example.com/install').blockers).toEqual([
      { code: 'hostname-in-use', message: 'www.b.example.com is still served by site b.example.com, which this plan leaves alone' },
    ]);
  });

  it('blocks two sites swapping urls in one commit, as a cycle', () => {
    const p = plan(
      fleetWith({
        'sites/a.example.com.yaml': site('a.example.com', 'platform: notes-1.0\nclient: acme\nurl: b.example.com'),
        'sites/b.example.com.yaml': site('b.example.com', 'platform: notes-1.0\nurl: a.example.com\naliases: [www.b.example.com]'),
      }),
      recorded,
    );
    expect(p.operations.map((o) => o.blockers[0]?.code)).toEqual(['dependency-cycle', 'dependency-cycle']);
  });
});

describe('placement', () => {
  it('places a new unpinned site by its name among its platform\'s servers, and keeps a recorded one where it is', () => {
    const desired = fleetWith({ 'sites/d.example.com.yaml': site('d.example.com', 'platform: notes-2.0') });
    const p = plan(desired, emptyRecordedState('tide-state'));
    expect(op(p, 'site/d.example.com/install').server).toBe(placeSite('d.example.com', ['web1', 'web2']));
    const recorded = appliedState(desired);
    const elsewhere = placeSite('d.example.com', ['web1', 'web2']) === 'web1' ? 'web2' : 'web1';
    recorded.sites.get('d.example.com')!.server = elsewhere;
    expect(plan(desired, recorded).operations).toEqual([]);
  });

  it('spreads sites evenly and moves none when a server is added', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `site${i}.example.com`);
    const two = names.map((n) => placeSite(n, ['web1', 'web2']));
    const share = two.filter((s) => s === 'web1').length / names.length;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.55);
    const three = names.map((n) => placeSite(n, ['web1', 'web2', 'web3']));
    // Rendezvous hashing: a site either stays or goes to the new server.
    expect(names.every((_, i) => three[i] === two[i] || three[i] === 'web3')).toBe(true);
  });
});
