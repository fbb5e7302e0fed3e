// The web server version recorded for a server comes from the binary its
// check command runs, as the installed nginx and Apache report it.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { withServerDefaults } from '../../src/model/defaults.js';
import { httpVersion } from '../../src/services/http/version.js';
import { LocalTransport } from '../../src/transport/local.js';

const local = new LocalTransport('local');
const http = (raw: Record<string, unknown>) => withServerDefaults({ name: 'x', transport: 'local', services: { http: raw } }).services.http;

describe('httpVersion', () => {
  it('asks the nginx the check command runs', async () => {
    const installed = execFileSync('sh', ['-c', '/usr/sbin/nginx -v 2>&1'], { encoding: 'utf8' }); // "nginx version: nginx/1.22.1"
    const version = await httpVersion(local, http({ type: 'nginx', check: '/usr/sbin/nginx -c /tmp/none.conf -t' }));
    expect(version).toMatch(/^nginx\/\d+\.\d+\.\d+$/);
    expect(installed).toContain(version);
  });

  it('asks Apache through apachectl (or the binary the check names)', async () => {
    const version = await httpVersion(local, http({ type: 'apache' }));
    expect(version).toMatch(/^Apache\/2\.\d+\.\d+$/);
    expect(await httpVersion(local, http({ type: 'apache', check: 'apache2ctl configtest' }))).toBe(version);
  });
});
