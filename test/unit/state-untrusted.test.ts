// What a forged state branch can make tide remove: nothing but what tide
// derives itself. The plan shows what a destructive operation removes and
// blocks one whose record names anything else; the checks the operations
// run (operations/targets.ts) refuse the same records.

import { describe, expect, it } from 'vitest';
import { UntrustedStateError } from '../../src/operations/errors.js';
import { backupArchivePath, platformCodeDir, recordedSiteDatabase } from '../../src/operations/targets.js';
import { plan } from '../../src/plan/planner.js';
import { renderMarkdown } from '../../src/plan/render/markdown.js';
import { renderText } from '../../src/plan/render/text.js';
import { DbReservedError, siteDatabaseNames } from '../../src/services/db/index.js';
import type { RecordedSite } from '../../src/state/types.js';
import { appliedState, fleetWith, op } from '../helpers/fleet.js';

const deleted = (name: string, platform: string) => `kind: Site\nname: ${name}\nplatform: ${platform}\nstatus: deleted\n`;

function recordedWithDb(db = siteDatabaseNames('a.example.com')) {
  const recorded = appliedState(fleetWith());
  const site = recorded.sites.get('a.example.com')!;
  recorded.sites.set(site.name, { ...site, db });
  return recorded;
}

describe('the plan shows what a destructive operation removes', () => {
  it('a site delete lists its directory, database, user and vhost in text, markdown and JSON', () => {
    const p = plan(fleetWith({ 'sites/a.example.com.yaml': deleted('a.example.com', 'notes-1.0') }), recordedWithDb());
    const del = op(p, 'site/a.example.com/delete');
    expect(del.blockers).toEqual([]);
    expect(del.removes).toEqual([
      { what: 'directory', server: 'web1', name: '/var/tide/sites/a.example.com' },
      { what: 'database', server: 'web1', name: 'a_example_com' },
      { what: 'database user', server: 'web1', name: 'a_example_com' },
    ]);
    const text = renderText(p, { color: false });
    expect(text).toContain('      removes directory /var/tide/sites/a.example.com\n');
    expect(text).toContain('      removes database a_example_com\n');
    expect(text).toContain('      removes database user a_example_com\n');
    expect(renderMarkdown(p)).toContain('**Removes:**\n- directory <code>/var/tide/sites/a.example.com</code> on web1\n- database <code>a&#95;example&#95;com</code> on web1');
    expect(JSON.parse(JSON.stringify(p)).operations[0].removes).toHaveLength(3);
  });

  it('a platform delete lists the code directory it removes', () => {
    const recorded = appliedState(fleetWith());
    const p = plan(fleetWith({ 'platforms/notes-2.0.yaml': 'kind: Platform\nname: notes-2.0\nservers: [web2]\ndriver: script\nsource: { git: https://git.example.net/notes.git, ref: v2.0.0 }\ncommands: { install: php bin/install.php, packages: php bin/packages.php }\n' }), recorded);
    expect(op(p, 'platform/notes-2.0/delete@web1').removes).toEqual([{ what: 'directory', server: 'web1', name: '/var/tide/platforms/notes-2.0' }]);
  });

  it('a migrate lists the old directory and database on the server it leaves', () => {
    const recorded = recordedWithDb();
    const p = plan(fleetWith({ 'sites/a.example.com.yaml': 'kind: Site\nname: a.example.com\nplatform: notes-2.0\nserver: web2\nclient: acme\n' }), recorded);
    const names = op(p, 'site/a.example.com/migrate').removes!.map((r) => `${r.what} ${r.name} on ${r.server}`);
    expect(names).toContain('database a_example_com on web1');
    expect(names).toContain('directory /var/tide/sites/a.example.com on web1');
    expect(renderText(p, { color: false })).toMatch(/removes database a_example_com on web1\n/);
  });
});

describe('the plan blocks what a forged record names', () => {
  it('a site record naming the mysql database and the root user', () => {
    const p = plan(fleetWith({ 'sites/a.example.com.yaml': deleted('a.example.com', 'notes-1.0') }), recordedWithDb({ name: 'mysql', user: 'root' }));
    const del = op(p, 'site/a.example.com/delete');
    expect(del.blockers).toEqual([{ code: 'state-untrusted', message: expect.stringContaining('names database mysql and user root for site a.example.com, which are not names tide gives it') }]);
    expect(del.removes!.map((r) => r.what)).not.toContain('database');
    expect(renderText(p, { color: false })).toContain('blocked: state/sites/a.example.com.json on the state branch names database mysql');
  });

  it('a platform record putting its code outside the root', () => {
    const recorded = appliedState(fleetWith());
    const notes = recorded.platforms.get('notes-1.0')!;
    recorded.platforms.set('notes-1.0', { ...notes, deployments: { web1: { path: '/etc' } } });
    const p = plan(fleetWith({ 'platforms/notes-1.0.yaml': null, 'sites/a.example.com.yaml': null, 'sites/b.example.com.yaml': null, 'tide.yaml': 'kind: Fleet\nname: acme\nprune: true\n' }), recorded);
    const del = op(p, 'platform/notes-1.0/delete@web1');
    expect(del.blockers.map((b) => b.code)).toContain('state-untrusted');
    expect(del.blockers[0]!.message).toContain("puts platform notes-1.0's code on web1 at /etc, but tide keeps it at /var/tide/platforms/notes-1.0");
    expect(del.removes).toEqual([{ what: 'directory', server: 'web1', name: '/var/tide/platforms/notes-1.0' }]);
  });
});

describe('recorded names tide accepts', () => {
  const site = (name: string, db: { name: string; user: string }, generation = 1) => ({ name, db, generation }) as RecordedSite;

  it("a site's own names and its copies up to its generation + 1", () => {
    expect(recordedSiteDatabase(site('a.example.com', siteDatabaseNames('a.example.com')))).toEqual({ name: 'a_example_com', user: 'a_example_com' });
    expect(recordedSiteDatabase(site('a.example.com', siteDatabaseNames('a.example.com', 4), 3))!.name).toBe('a_example_com_c4');
    // A site whose own name ends like a copy's.
    expect(recordedSiteDatabase(site('a.c5', siteDatabaseNames('a.c5')))!.name).toBe('a_c5');
  });

  it("refuses another site's names, a copy beyond the generation, and the server's own", () => {
    expect(() => recordedSiteDatabase(site('a.example.com', siteDatabaseNames('b.example.com')))).toThrow(UntrustedStateError);
    expect(() => recordedSiteDatabase(site('a.example.com', siteDatabaseNames('a.example.com', 9), 3))).toThrow(UntrustedStateError);
    expect(() => recordedSiteDatabase(site('a.example.com', { name: 'a_example_com', user: 'root' }))).toThrow(UntrustedStateError);
    // Names the scheme gives, but that belong to the server: a site called mysql or root.
    expect(() => recordedSiteDatabase(site('mysql', siteDatabaseNames('mysql')))).toThrow(DbReservedError);
    expect(() => recordedSiteDatabase(site('root', siteDatabaseNames('root')))).toThrow(DbReservedError);
  });

  it('backup archives only at ROOT/backups/SITE/ID.tar.gz, ids of one path segment', () => {
    const server = fleetWith().servers.get('web1')!;
    const backup = { id: '20261123T101502Z-3f2a-backup-site-a.example.com', at: '2026-11-23T10:15:02.000Z', size: 1 };
    const path = `/var/tide/backups/a.example.com/${backup.id}.tar.gz`;
    expect(backupArchivePath(server, 'a.example.com', { ...backup, path })).toBe(path);
    expect(() => backupArchivePath(server, 'a.example.com', { ...backup, path: '/etc/passwd' })).toThrow(/puts backup .* at \/etc\/passwd, but tide keeps it at/);
    expect(() => backupArchivePath(server, 'a.example.com', { ...backup, id: '../../../etc/x', path })).toThrow(/backup id "..\/..\/..\/etc\/x" that tide never gives/);
  });

  it('platform code only at ROOT/platforms/NAME', () => {
    const server = fleetWith().servers.get('web1')!;
    const recorded = appliedState(fleetWith()).platforms.get('notes-1.0')!;
    expect(platformCodeDir(server, 'notes-1.0', recorded)).toBe('/var/tide/platforms/notes-1.0');
    expect(platformCodeDir(server, 'notes-1.0', { ...recorded, deployments: { web1: { path: '/var/tide/platforms/notes-1.0' } } })).toBe('/var/tide/platforms/notes-1.0');
    expect(() => platformCodeDir(server, 'notes-1.0', { ...recorded, deployments: { web1: { path: '/var/tide/platforms/other' } } })).toThrow(UntrustedStateError);
  });
});
