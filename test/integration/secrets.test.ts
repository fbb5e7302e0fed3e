// Secrets never leave (issue 10): tide as users run it (the built CLI) on a
// quickstart-like fleet whose platform is built on the local transport. The
// fleet's other servers (never contacted here) have their SSH key and
// database admin password in tide's environment or in files; tide's
// environment also holds unrelated tokens. Whatever the build prints (its
// environment, or a password in disguise), no secret may reach the state
// branch (every git object of the repository is scanned) or tide's output.

import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { allGitObjects, commitAll, expectNoSecretsStored, makeFleet as makeTestFleet, sitePasswords, stateFile, tide as tideIn, writeFleetFile, type TestFleet } from './support/fleet.js';

const BIN = join(import.meta.dirname, '../../dist/cli/bin.js');

const DB_PASSWORD = 'dbadmin-Pa55word-Qx7';
const WEB9_KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACDb7mUqJ2Wv1oMfMnLhq3Vd9hXg0x8Jb0EaQzcd1pXV0wAAAJBf4y7cX+Mu',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');
/** web8's admin password, in a file: characters that URL-encoding and JSON escape, one outside ASCII. */
const FILE_PASSWORD = 'p@ss/w0rd+Zx&y=1 é?';
/** web8's identity file: shorter than a key line, so only the file: rule (no trailing newline) finds it. */
const SHORT_SECRET = 'Zq9-shrt';
const UNRELATED = { GITHUB_TOKEN: 'ghp_unrelatedTokenValue123', TIDE_EXTRA_SETTING: 'tide-extra-value-42' };

let work: string;
let secretsDir: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tide-secrets-'));
  secretsDir = join(work, 'secrets');
  mkdirSync(secretsDir);
  writeFileSync(join(secretsDir, 'web8-db'), `${FILE_PASSWORD}\n`);
  writeFileSync(join(secretsDir, 'web8-key'), `${SHORT_SECRET}\n`);
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  removeGitCliRepos();
});

/** A fleet repository: server `local` (local transport) carrying platform `app`, and two SSH servers with credentials. */
function makeFleet(name: string, platform: { build: string; files?: Record<string, string>; extra?: string }): string {
  const dir = join(work, name);
  const files: Record<string, string> = {
    // Each fleet its own id: server verify claims the root for it.
    'tide.yaml': `kind: Fleet\nname: secrets\nid: ${randomUUID()}\n`,
    'servers/local.yaml': `kind: Server\nname: local\ntransport: local\nroot: ${join(work, `${name}-root`)}\nservices:\n  http: { type: none }\n  db: { type: none }\n`,
    'servers/web9.yaml': sshServer('web9', 'env:TIDE_WEB9_KEY', 'env:TIDE_DB_PASSWORD'),
    'servers/web8.yaml': sshServer('web8', `file:${join(secretsDir, 'web8-key')}`, `file:${join(secretsDir, 'web8-db')}`),
    'platforms/app.yaml': `kind: Platform\nname: app\nservers: [local]\ndriver: static\nsource: { path: platforms/app/src }\n`
      + `docroot: "."\nbuild: ${JSON.stringify(platform.build)}\n${platform.extra ?? ''}`,
    'platforms/app/src/index.html': 'hello\n',
    ...Object.fromEntries(Object.entries(platform.files ?? {}).map(([path, text]) => [`platforms/app/src/${path}`, text])),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'fleet');
  return dir;
}

function sshServer(name: string, identity: string, adminPassword: string): string {
  return `kind: Server\nname: ${name}\nhost: 127.0.0.1\nport: 1\nuser: aegir\n`
    + 'hostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMmpDFtdQGqdLPNbSJEnU0d1ah3q18Ek8fRwQywW0bjG"\n'
    + `identity: ${identity}\nroot: /var/tide\nservices:\n  http: { type: none }\n  db: { type: mariadb, adminPassword: ${JSON.stringify(adminPassword)} }\n`;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@localhost', ...args], { cwd: dir, encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 });
}

/** tide, as a user runs it, with the fleet's credentials and unrelated tokens in its environment. */
function tide(dir: string, args: string[]) {
  return execa('node', [BIN, ...args], {
    cwd: dir, reject: false, extendEnv: false,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', NO_COLOR: '1', TIDE_DB_PASSWORD: DB_PASSWORD, TIDE_WEB9_KEY: WEB9_KEY, ...UNRELATED },
  });
}

/** Applies the local server only (the SSH servers are never contacted); returns every git object's content and what tide printed. */
async function applyLocal(dir: string): Promise<{ objects: string; printed: string; log: string }> {
  const result = await tide(dir, ['apply', '--yes', '--server', 'local']);
  expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
  const records = git(dir, 'ls-tree', '-r', '--name-only', 'tide-state').split('\n').filter((p) => p.endsWith('.log') && p.includes('deploy-platform-app'));
  const log = records.map((p) => git(dir, 'show', `tide-state:${p}`)).join('');
  return { objects: git(dir, 'cat-file', '--batch-all-objects', '--batch'), printed: `${result.stdout}\n${result.stderr}`, log };
}

/** What a secret must never appear as: itself, and each line of a multi-line one. */
function visibleParts(secret: string): string[] {
  return [secret, ...secret.split('\n').filter((l) => l.length >= 16)];
}

const ALL_SECRETS = [DB_PASSWORD, WEB9_KEY, FILE_PASSWORD, SHORT_SECRET, ...Object.values(UNRELATED)];

/** The same text read as git stores it (latin1), for a secret that is not ASCII. */
const asStored = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

function expectAbsent(where: { objects: string; printed: string }, texts: string[]): void {
  for (const text of texts) {
    expect(where.objects.includes(asStored(text)), `git objects hold ${text}`).toBe(false);
    expect(where.printed.includes(text), `tide printed ${text}`).toBe(false);
  }
}

describe('a build command that prints its environment', () => {
  let seen: { objects: string; printed: string; log: string };
  beforeAll(async () => {
    seen = await applyLocal(makeFleet('env', { build: 'env; echo BUILD-RAN' }));
  }, 60_000);

  it('ran and was logged on the state branch', () => {
    expect(seen.log).toContain('BUILD-RAN');
    expect(seen.log).toMatch(/\| TIDE_PLATFORM_NAME=app$/m);
    expect(seen.log).toMatch(/\| PATH=/);
  });

  it('sees only PATH, HOME, LANG and the TIDE_* facts, never tide\'s environment', () => {
    const names = [...seen.log.matchAll(/^\S+ {3}\| ([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]);
    // sh adds PWD (and SHLVL, _) itself; TIDE_RUN tags every process of the operation (orphan reaping).
    expect(names.filter((n) => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(n!)).sort()).toEqual(
      ['HOME', 'LANG', 'PATH', 'TIDE_PLATFORM_DIR', 'TIDE_PLATFORM_NAME', 'TIDE_RUN']);
  });

  it('put no credential and no other variable of tide into any git object or tide\'s output', () => {
    expectAbsent(seen, ALL_SECRETS.flatMap(visibleParts));
    expectAbsent(seen, ['TIDE_DB_PASSWORD=', 'TIDE_WEB9_KEY=', 'GITHUB_TOKEN=', 'TIDE_EXTRA_SETTING=']);
  });
});

describe('a build that prints a password in disguise, or in pieces', () => {
  const file = () => join(secretsDir, 'web8-db');
  let seen: { objects: string; printed: string; log: string };
  beforeAll(async () => {
    // Platform code that knows where a credential lives (the fleet's command may not name it: validate refuses).
    const script = `S=$(cat ${file()})
printf '%s' "$S" | base64 -w0; echo
printf 'x%s' "$S" | base64 -w0; echo
printf 'xy%s' "$S" | base64 -w0; echo
printf 'xy%s' "$S" | base64 -w0 | tr '+/' '-_'; echo
printf '%s' "$S" | node -e 'process.stdout.write(encodeURIComponent(require("fs").readFileSync(0, "utf8")))'; echo
printf '%s' "$S" | node -e 'process.stdout.write(encodeURIComponent(require("fs").readFileSync(0, "utf8")).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()))'; echo
printf '%s' "$S" | od -An -v -tx1 | tr -d ' \\n'; echo
printf '%s' "$S" | od -An -v -tx1 | tr -d ' \\n' | tr a-f A-F; echo
printf 'head:%s' "$(printf %s "$S" | head -c 6)"; sleep 0.3; printf '%s:tail\\n' "$(printf %s "$S" | tail -c +7)"
printf 'cut:%s' "$(printf %s "$S" | head -c 9)"; sleep 0.3; printf '%s:other-stream\\n' "$(printf %s "$S" | tail -c +10)" >&2; echo
printf 'short:%s;\\n' "$(cat ${join(secretsDir, 'web8-key')})"
echo PRINTED-ALL
`;
    seen = await applyLocal(makeFleet('disguise', { build: 'sh print.sh', files: { 'print.sh': script } }));
  }, 60_000);

  const bytes = Buffer.from(FILE_PASSWORD, 'utf8');
  /** An encoding without its first and last 4 characters (those may carry bits of the bytes around the secret). */
  const inner = (text: string) => text.slice(4, -4);

  it('ran every line', () => {
    expect(seen.log).toContain('PRINTED-ALL');
    expect(seen.log).toContain('head:');
    expect(seen.log).toContain(':other-stream');
  });

  it('masks base64 at the three byte alignments and in both alphabets', () => {
    const b64 = (lead: string) => Buffer.concat([Buffer.from(lead), bytes]).toString('base64');
    const forms = [b64(''), b64('x'), b64('xy'), b64('xy').replace(/\+/g, '-').replace(/\//g, '_')];
    expectAbsent(seen, forms.map(inner));
  });

  it('masks URL-encoding (either case) and hex (either case)', () => {
    const url = encodeURIComponent(FILE_PASSWORD);
    const hex = bytes.toString('hex');
    expectAbsent(seen, [url, url.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()), hex, hex.toUpperCase()].map(inner));
    expect(seen.log.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(10);
  });

  it('masks a password cut between two chunks of stdout, or between stdout and stderr', () => {
    // Each piece alone would pass a filter that looks at one chunk or one stream at a time.
    expectAbsent(seen, [FILE_PASSWORD.slice(0, 6), FILE_PASSWORD.slice(6), FILE_PASSWORD.slice(9)]);
    expect(seen.log).toMatch(/\| head:\[redacted\]:tail$/m);
  });

  it('masks a file: secret without its trailing newline', () => {
    expectAbsent(seen, [SHORT_SECRET]);
    expect(seen.log).toMatch(/\| short:\[redacted\];$/m);
  });
});

describe('tide validate', () => {
  it('refuses command templates that name a password, with file:line', async () => {
    const dir = makeFleet('validate', {
      build: 'make DB=$TIDE_DB_PASSWORD',
      extra: 'commands:\n  install: "php install.php --password={{db.password}}"\n  cron: "php cron.php --key=${TIDE_WEB9_KEY}"\n',
    });
    const result = await tide(dir, ['validate']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/platforms\/app\.yaml:7:\d+: .*build names the site's database password \(\$TIDE_DB_PASSWORD\)/);
    expect(result.stderr).toMatch(/platforms\/app\.yaml:9:\d+: .*commands\.install names the site's database password \(\{\{db\.password\}\}\)/);
    expect(result.stderr).toMatch(/platforms\/app\.yaml:10:\d+: .*commands\.cron names the fleet's secret env:TIDE_WEB9_KEY/);
    const plan = await tide(dir, ['plan']);
    expect(plan.exitCode).toBe(1);
  });
});

describe("a site's install command that prints its database password in disguise (SSH servers, MariaDB)", () => {
  const SITE = 'leaky.example.test';
  let fleet: TestFleet;
  let password: string;
  let log: string;
  beforeAll(async () => {
    fleet = makeTestFleet(inject('services'), 'secrets-site', { keepSites: false });
    // The application's own code, run with the site's facts in its environment.
    writeFileSync(join(fleet.dir, 'platforms/notes/bin/leak.sh'), `P="$TIDE_DB_PASSWORD"
printf '%s' "$P" | base64 -w0; echo
printf 'a%s' "$P" | base64 -w0; echo
printf 'ab%s' "$P" | base64 -w0; echo
printf '%s' "$P" | od -An -v -tx1 | tr -d ' \\n'; echo
printf 'half:%s' "$(printf %s "$P" | head -c 16)"; sleep 0.3; printf '%s:end\\n' "$(printf %s "$P" | tail -c +17)" >&2
env
echo LEAK-RAN
`);
    writeFleetFile(fleet, 'platforms/notes.yaml', {
      kind: 'Platform', name: 'notes', servers: ['web1'], driver: 'script', source: { path: 'platforms/notes' }, docroot: 'public',
      commands: { install: 'sh bin/leak.sh && php bin/install.php', update: 'php bin/update.php', packages: 'php bin/packages.php' },
    });
    writeFleetFile(fleet, `sites/${SITE}.yaml`, { kind: 'Site', name: SITE, platform: 'notes' });
    commitAll(fleet, 'a site whose install prints its password');
    const result = await tideIn(fleet, ['apply', '--yes', '--target', `site/${SITE}`]);
    expect(result.exitCode, result.all).toBe(0);
    password = sitePasswords(fleet)[0]!;
    const paths = git(fleet.dir, 'ls-tree', '-r', '--name-only', 'tide-state', 'operations').split('\n').filter((p) => p.endsWith('.log') && p.includes('install-site'));
    log = paths.map((p) => stateFile(fleet, p)).join('');
  }, 240_000);

  it('ran the command, and its log masks every form of the password', () => {
    expect(password).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(log).toContain('LEAK-RAN');
    expect(log).toMatch(/\| TIDE_DB_PASSWORD=\[redacted\]$/m);
    const objects = allGitObjects(fleet.dir);
    const bytes = Buffer.from(password);
    const forms = ['', 'a', 'ab'].map((lead) => Buffer.concat([Buffer.from(lead), bytes]).toString('base64').slice(4, -4));
    for (const text of [...forms, bytes.toString('hex'), password.slice(0, 16), password.slice(16)]) {
      expect(objects.includes(text), `git objects hold ${text}`).toBe(false);
      expect(fleet.printed.some((p) => p.includes(text)), `tide printed ${text}`).toBe(false);
    }
    expectNoSecretsStored(fleet);
  });
});

describe('a database admin password in a file that ends with a newline (SSH server, MariaDB)', () => {
  it('is used without the newline: verify server reaches MariaDB', async () => {
    const services = inject('services');
    const fleet = makeTestFleet(services, 'secrets-file', { keepSites: false });
    const file = join(work, 'admin-password');
    writeFileSync(file, `${services.db.adminPassword}\n`, { mode: 0o600 });
    const server = join(fleet.dir, 'servers/web1.yaml');
    writeFileSync(server, readFileSync(server, 'utf8').replace(/env:TIDE_TEST_DB_PASSWORD/, `file:${file}`));
    commitAll(fleet, 'admin password from a file');
    const result = await tideIn(fleet, ['apply', '--yes', '--target', 'server/web1']);
    expect(result.exitCode, result.all).toBe(0);
    expect(JSON.parse(stateFile(fleet, 'state/servers/web1.json')!).versions.mariadb).toMatch(/\d+\.\d+/);
    expectNoSecretsStored(fleet);
  }, 240_000);
});
