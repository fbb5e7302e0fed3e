import { describe, expect, it } from 'vitest';
import { FleetInvalidError, formatDiagnostic, type Diagnostic } from '../../src/errors.js';
import { BASE, load } from '../helpers/fleet.js';

/** Loads a fleet that must be invalid and returns its diagnostics. */
function problems(entries: Record<string, string>): Diagnostic[] {
  try {
    load(entries);
  } catch (error) {
    if (error instanceof FleetInvalidError) return error.diagnostics;
    throw error;
  }
  throw new Error('the fleet loaded without errors');
}

function only(entries: Record<string, string>): string {
  const found = problems(entries);
  expect(found.map(formatDiagnostic)).toHaveLength(1);
  return formatDiagnostic(found[0]!);
}

const fleetWith = (extra: Record<string, string>) => ({ ...BASE, ...extra });

describe('a valid fleet', () => {
  it('loads with defaults applied', () => {
    const desired = load(BASE);
    expect(desired.fleet).toEqual({ kind: 'Fleet', name: 'acme', state: { branch: 'tide-state' }, prune: false, autoApply: false, concurrency: { total: 8, perServer: 2 }, ignore: [], maxFileSize: 1048576, selfHeal: false });
    expect(desired.servers.get('web1')).toMatchObject({ transport: 'ssh', port: 22, root: '/var/tide', services: { http: { type: 'nginx', port: 80, check: 'nginx -t' }, db: { type: 'mariadb', port: 3306 } } });
    expect(desired.sites.get('b.example.com')).toMatchObject({ url: 'b.example.com', status: 'enabled', profile: 'standard', redirectAliases: false });
    expect(desired.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads several documents from one file and skips empty ones', () => {
    const desired = load({
      'fleet.yaml': `
        kind: Client
        name: one
        ---
        kind: Client
        name: two
        ---
      `,
    });
    expect([...desired.clients.keys()]).toEqual(['one', 'two']);
    expect(desired.fleet.name).toBe('test');
  });

  it('skips paths listed in ignore, even when they are not fleet files', () => {
    const desired = load({
      'tide.yaml': 'kind: Fleet\nname: x\nignore: [vendor/**, "*.draft.yaml"]\n',
      'vendor/lib/config.yaml': 'not: [a fleet file\n',
      'sites/new.draft.yaml': 'kind: Nonsense\n',
    });
    expect(desired.fleet.ignore).toEqual(['vendor/**', '*.draft.yaml']);
  });
});

describe('errors point at file:line:column', () => {
  it('YAML syntax', () => {
    expect(only({ 'sites/bad.yaml': 'kind: Site\nname: a.example.com\naliases: [one\nplatform: p\n' })).toMatch(/^sites\/bad\.yaml:4:\d+: YAML syntax error: /);
  });

  it('a key given twice', () => {
    expect(only({ 'clients/c.yaml': 'kind: Client\nname: c\nname: d\n' })).toMatch(/^clients\/c\.yaml:3:1: YAML syntax error: duplicated mapping key/);
  });

  it('a document that is not a mapping', () => {
    expect(only({ 'x.yaml': '- kind: Site\n' })).toBe("x.yaml:1:1: a fleet document must be a mapping with 'kind' and 'name', not a list");
  });

  it('a missing kind', () => {
    expect(only({ 'x.yaml': 'kind: Client\nname: a\n---\nname: b\n' })).toMatch(/^x\.yaml:4:1: missing 'kind': every document needs one of Fleet, Server, Platform, Site, Client/);
  });

  it('an unknown kind, with a suggestion', () => {
    expect(only({ 'sites/a.yaml': 'name: a.example.com\nkind: site\n' })).toBe(
      "sites/a.yaml:2:7: unknown kind 'site' (did you mean 'Site'?); expected one of Fleet, Server, Platform, Site, Client",
    );
  });

  it('an unknown property, with a suggestion', () => {
    const server = BASE['servers/web1.yaml']!.replace('kind: Server', 'kind: Server\n    prot: 2222');
    expect(only(fleetWith({ 'servers/web1.yaml': server }))).toBe(
      "servers/web1.yaml:2:1: Server web1: prot: unknown property 'prot' (did you mean 'port'?)",
    );
  });

  it('a value of the wrong type, nested', () => {
    const server = BASE['servers/web1.yaml']!.replace('kind: Server', 'kind: Server\n    services:\n      http:\n        port: eighty');
    expect(only(fleetWith({ 'servers/web1.yaml': server }))).toBe(
      "servers/web1.yaml:4:11: Server web1: services.http.port: must be an integer, not a string",
    );
  });

  it('a name that could reach a shell, explained in words', () => {
    expect(only(fleetWith({ 'sites/evil.yaml': 'kind: Site\nname: "a.example.com; rm -rf /"\nplatform: notes-1.0\n' }))).toMatch(
      /^sites\/evil\.yaml:2:7: Site a\.example\.com; rm -rf \/: name: 'a\.example\.com; rm -rf \/' is not valid: must be a lower-case host name/,
    );
  });

  it('a missing required property, at the document', () => {
    expect(only(fleetWith({ 'sites/d.yaml': '# a site\nkind: Site\nname: d.example.com\n' }))).toBe(
      "sites/d.yaml:2:1: Site d.example.com: platform: missing required property 'platform'",
    );
  });

  it('a password written inline instead of a reference', () => {
    const server = BASE['servers/web1.yaml']!.replace('kind: Server', 'kind: Server\n    services:\n      db: { type: mariadb, adminPassword: hunter2 }');
    const message = only(fleetWith({ 'servers/web1.yaml': server }));
    // Says what belongs there, never what was written (it may be the password itself).
    expect(message).toMatch(/^servers\/web1\.yaml:3:39: Server web1: services\.db\.adminPassword: must be a secret reference, env:NAME/);
    expect(message).not.toContain('hunter2');
  });

  it('a private key pasted where a reference to it belongs', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ';
    const server = BASE['servers/web1.yaml']!.replace('kind: Server', `kind: Server\n    identity: "${key}"`);
    const message = only(fleetWith({ 'servers/web1.yaml': server }));
    expect(message).toMatch(/^servers\/web1\.yaml:2:11: Server web1: identity: must be a secret reference/);
    expect(message).not.toMatch(/PRIVATE|b3BlbnNz/);
  });

  it('an ssh server without a pinned host key', () => {
    expect(only(fleetWith({ 'servers/web3.yaml': 'kind: Server\nname: web3\nhost: web3.example.net\n' }))).toMatch(
      /^servers\/web3\.yaml:1:1: Server web3: hostKey: missing required property 'hostKey'/,
    );
  });

  it('a value outside its enum', () => {
    expect(only(fleetWith({ 'sites/d.yaml': 'kind: Site\nname: d.example.com\nplatform: notes-1.0\nstatus: gone\n' }))).toBe(
      "sites/d.yaml:4:9: Site d.example.com: status: 'gone' is not allowed: must be one of enabled, disabled, deleted",
    );
  });

  it('a source that is neither a path nor a git ref, reported for the form meant', () => {
    const platform = BASE['platforms/notes-1.0.yaml']!.replace('{ git: https://git.example.net/notes.git, ref: v1.0.0 }', '{ git: https://git.example.net/notes.git }');
    expect(only(fleetWith({ 'platforms/notes-1.0.yaml': platform }))).toBe(
      "platforms/notes-1.0.yaml:5:9: Platform notes-1.0: source.ref: missing required property 'ref'",
    );
  });

  it('a name defined twice, with where it was first', () => {
    expect(only(fleetWith({ 'sites/copy.yaml': '\nkind: Site\nname: a.example.com\nplatform: notes-1.0\n' }))).toBe(
      'sites/copy.yaml:2:7: Site a.example.com is defined twice (first defined at sites/a.example.com.yaml:2:7)',
    );
  });

  it('a Fleet document outside tide.yaml', () => {
    expect(only(fleetWith({ 'more/fleet.yaml': 'kind: Fleet\nname: other\n' }))).toBe(
      'more/fleet.yaml:1:7: the Fleet document belongs in tide.yaml at the repository root',
    );
  });

  it('the second document of a file, at its own line', () => {
    expect(only({ 'clients.yaml': 'kind: Client\nname: a\n---\nkind: Client\nname: b\nquota: { sites: -1 }\n' })).toBe('clients.yaml:6:17: Client b: quota.sites: -1 is too small: must be at least 0');
  });
});

describe('references are checked after the schemas', () => {
  it('a site on an unknown platform', () => {
    expect(only(fleetWith({ 'sites/d.yaml': 'kind: Site\nname: d.example.com\nplatform: notes-3.0\n' }))).toBe(
      "sites/d.yaml:3:11: Site d.example.com: unknown platform 'notes-3.0' (did you mean 'notes-1.0'?)",
    );
  });

  it('a platform on an unknown server', () => {
    const platform = BASE['platforms/notes-1.0.yaml']!.replace('[web1]', '[web1, web9]');
    expect(only(fleetWith({ 'platforms/notes-1.0.yaml': platform }))).toBe(
      "platforms/notes-1.0.yaml:3:17: Platform notes-1.0: unknown server 'web9' (did you mean 'web1'?)",
    );
  });

  it('a site pinned to a server its platform is not on', () => {
    expect(only(fleetWith({ 'sites/d.yaml': 'kind: Site\nname: d.example.com\nplatform: notes-1.0\nserver: web2\n' }))).toBe(
      "sites/d.yaml:4:9: Site d.example.com: server 'web2' does not carry platform notes-1.0 (it runs on web1)",
    );
  });

  it('a site of an unknown client', () => {
    expect(only(fleetWith({ 'sites/d.yaml': 'kind: Site\nname: d.example.com\nplatform: notes-1.0\nclient: acne\n' }))).toBe(
      "sites/d.yaml:4:9: Site d.example.com: unknown client 'acne' (did you mean 'acme'?)",
    );
  });

  it('a clone of an unknown site, of itself, of a deleted site', () => {
    const clone = (from: string) => `kind: Site\nname: d.example.com\nplatform: notes-1.0\ncloneFrom: ${from}\n`;
    expect(only(fleetWith({ 'sites/d.yaml': clone('z.example.com') }))).toBe(
      "sites/d.yaml:4:12: Site d.example.com: cloneFrom names unknown site 'z.example.com' (did you mean 'a.example.com'?)",
    );
    expect(only(fleetWith({ 'sites/d.yaml': clone('d.example.com') }))).toBe('sites/d.yaml:4:12: Site d.example.com: cannot be cloned from itself');
    expect(only(fleetWith({ 'sites/d.yaml': clone('a.example.com'), 'sites/a.example.com.yaml': 'kind: Site\nname: a.example.com\nplatform: notes-1.0\nstatus: deleted\n' }))).toBe(
      'sites/d.yaml:4:12: Site d.example.com: cannot be cloned from a.example.com, which is being deleted',
    );
  });

  it('a client over its site quota, at the quota', () => {
    expect(only(fleetWith({ 'clients/acme.yaml': 'kind: Client\nname: acme\nquota:\n  sites: 0\n' }))).toBe(
      'clients/acme.yaml:4:10: Client acme: owns 1 site, over its quota of 0; raise the quota or move 1 site to another client',
    );
  });

  it('a hostname served by two sites, and a url repeated as an alias', () => {
    expect(only(fleetWith({ 'sites/d.yaml': 'kind: Site\nname: d.example.com\nplatform: notes-1.0\naliases: [www.d.example.com, www.b.example.com]\n' }))).toBe(
      'sites/d.yaml:4:30: Site d.example.com: www.b.example.com is already served by site b.example.com (claimed at sites/b.example.com.yaml:4:11)',
    );
    expect(only(fleetWith({ 'sites/d.yaml': 'kind: Site\nname: d.example.com\nplatform: notes-1.0\naliases: [d.example.com]\n' }))).toBe(
      'sites/d.yaml:4:11: Site d.example.com: d.example.com is both its url and an alias',
    );
  });

  it('var names that differ only in case (they collide as TIDE_VAR_ names), in a document or against the platform\'s', () => {
    expect(only(fleetWith({ 'sites/d.yaml': 'kind: Site\nname: d.example.com\nplatform: notes-1.0\nvars:\n  title: a\n  Title: b\n' }))).toBe(
      'sites/d.yaml:6:10: Site d.example.com: vars title and Title are both TIDE_VAR_TITLE for commands; keep one of them',
    );
    const platform = 'kind: Platform\nname: notes-1.0\nservers: [web1]\ndriver: script\nsource: { path: notes }\ncommands: { install: x }\n' +
      'vars: { adminEmail: ops@example.com, ADMINEMAIL: x }\n';
    expect(problems(fleetWith({
      'platforms/notes-1.0.yaml': platform,
      'sites/d.yaml': 'kind: Site\nname: d.example.com\nplatform: notes-1.0\nvars:\n  adminemail: me@example.com\n  adminEmail: me@example.com\n',
    })).map(formatDiagnostic)).toEqual([
      'platforms/notes-1.0.yaml:7:50: Platform notes-1.0: vars adminEmail and ADMINEMAIL are both TIDE_VAR_ADMINEMAIL for commands; keep one of them',
      'sites/d.yaml:5:15: Site d.example.com: var adminemail and platform notes-1.0\'s var adminEmail are both TIDE_VAR_ADMINEMAIL for commands; write it as adminEmail to override the platform\'s value',
      'sites/d.yaml:6:15: Site d.example.com: vars adminemail and adminEmail are both TIDE_VAR_ADMINEMAIL for commands; keep one of them',
    ]);
  });
});

describe('every error at once', () => {
  it('reports all problems of all files, sorted, and loads nothing', () => {
    let error: unknown;
    try {
      load({
        ...BASE,
        'sites/a.example.com.yaml': 'kind: Site\nname: a.example.com\nplatform: nope\n',
        'sites/z.yaml': 'kind: Site\nname: z.example.com\nplatform: notes-1.0\nstatus: gone\n',
        'broken.yaml': 'kind: [\n',
        'servers/web1.yaml': BASE['servers/web1.yaml']!.replace('kind: Server', 'kind: Server\n    prot: 1'),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FleetInvalidError);
    const e = error as FleetInvalidError;
    expect(e.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(['broken.yaml:2', 'servers/web1.yaml:2', 'sites/a.example.com.yaml:3', 'sites/z.yaml:4']);
    expect(e.message).toBe('4 errors in 4 files; nothing was planned.');
  });
});
