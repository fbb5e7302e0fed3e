import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REDACTED, redactor } from '../../src/redact.js';
import { readSecret, registerFleetSecrets } from '../../src/secrets.js';
import { loadFleet } from '../../src/model/loader.js';

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
