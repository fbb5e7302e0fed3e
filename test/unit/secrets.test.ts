import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REDACTED, redactor } from '../../src/redact.js';
import { readSecret, registerFleetSecrets } from '../../src/secrets.js';
import { loadFleet } from '../../src/model/loader.js';
import type { FleetInvalidError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'tide-secrets-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secret references', () => {
  it('a file: secret loses its trailing newline, and is masked without it', () => {
    writeFileSync(join(dir, 'pw'), 'Zq9-fil3\n');
    expect(readSecret('file:pw', {}, dir)).toBe('Zq9-fil3');
    expect(redactor.redact('password=Zq9-fil3;')).toBe(`password=${REDACTED};`);
  });

  it('registers every secret of the fleet at once, and leaves unreadable ones to the server that needs them', () => {
    writeFileSync(join(dir, 'key'), 'web2-identity-Q8x7\n');
    const server = (name: string, identity: string, password: string) =>
      `kind: Server\nname: ${name}\nhost: 127.0.0.1\nhostKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMmpDFtdQGqdLPNbSJEnU0d1ah3q18Ek8fRwQywW0bjG"\n`
      + `identity: ${identity}\nroot: /var/tide\nservices:\n  db: { adminPassword: ${password} }\n`;
    const desired = loadFleet({ commit: null, origin: 'test', files: [
      { path: 'web1.yaml', text: server('web1', 'env:UNSET_KEY', 'env:WEB1_DB') },
      { path: 'web2.yaml', text: server('web2', `file:${join(dir, 'key')}`, 'file:missing') },
    ] });
    registerFleetSecrets(desired, { WEB1_DB: 'web1-db-admin-Pw7' }, dir);
    expect(redactor.redact('web1-db-admin-Pw7 web2-identity-Q8x7')).toBe(`${REDACTED} ${REDACTED}`);
  });
});

describe('commands that name a secret', () => {
  const fleet = (build: string) => () => loadFleet({ commit: null, origin: 'test', files: [
    { path: 'servers/web1.yaml', text: 'kind: Server\nname: web1\ntransport: local\nroot: /var/tide\nservices:\n  http: { type: none }\n  db: { adminPassword: file:pw }\n' },
    { path: 'platforms/app.yaml', text: `kind: Platform\nname: app\nservers: [web1]\ndriver: static\nsource: { path: app }\nbuild: ${JSON.stringify(build)}\n` },
  ] });

  it('refuses the path of a file: secret as a word of the command, with file:line', () => {
    for (const build of ['cat pw | base64', 'x=$(cat pw)']) {
      const error = (() => {
        try {
          fleet(build)();
        } catch (e) {
          return e as FleetInvalidError;
        }
      })();
      expect(error?.diagnostics).toEqual([expect.objectContaining({ file: 'platforms/app.yaml', line: 6, code: 'SECRET_IN_COMMAND' })]);
      expect(error?.diagnostics[0]?.message).toMatch(/build names the fleet's secret file:pw/);
    }
  });

  it('does not refuse a command where the path is only part of a word', () => {
    expect(fleet('pwd && make pw-tools && cat src/pw')).not.toThrow();
  });
});
