// The hosting model's defaults and small pieces: web group, sudo for check
// and reload, where site database users may connect from, and how a site
// directory's drift from the permission model is described.

import { describe, expect, it } from 'vitest';
import { withServerDefaults } from '../../src/model/defaults.js';
import { httpCommand } from '../../src/services/http/commands.js';
import { grantHostsOf } from '../../src/services/db/mariadb/sql.js';
import { sitePermissionsCommand, sitePermissionsDrift } from '../../src/operations/site/permissions.js';

const server = (raw: Record<string, unknown>) => withServerDefaults({ name: 'web1', host: 'web1.example.net', ...raw });

describe('Server defaults', () => {
  it('an unprivileged ssh user runs check and reload through sudo; root and local do not', () => {
    expect(server({ user: 'tide' }).services.http.sudo).toBe(true);
    expect(server({ user: 'root' }).services.http.sudo).toBe(false);
    expect(server({}).services.http.sudo).toBe(false); // ssh's default user is root
    expect(server({ transport: 'local', user: 'tide' }).services.http.sudo).toBe(false);
    expect(server({ user: 'tide', services: { http: { sudo: false } } }).services.http.sudo).toBe(false);
  });

  it('the web group is www-data, unless there is no web server', () => {
    expect(server({}).webGroup).toBe('www-data');
    expect(server({ webGroup: 'nginx' }).webGroup).toBe('nginx');
    expect(server({ services: { http: { type: 'none' } } }).webGroup).toBeUndefined();
  });

  it('site database users: localhost and the address the web server connects from, never %', () => {
    expect(server({}).services.db.grantHosts).toEqual(['localhost', '127.0.0.1']);
    expect(server({ services: { db: { host: '::1' } } }).services.db.grantHosts).toEqual(['localhost', '::1']);
    expect(server({ services: { db: { host: 'localhost' } } }).services.db.grantHosts).toEqual(['localhost']);
    expect(server({ services: { db: { host: 'db.internal' } } }).services.db.grantHosts).toEqual(['localhost', 'web1.example.net']);
    expect(server({ services: { db: { host: 'db.internal', grantHosts: ['10.0.0.%'] } } }).services.db.grantHosts).toEqual(['localhost', '10.0.0.%']);
    expect(grantHostsOf({ grantHosts: ['localhost', '10.0.0.5'] })).toEqual(['localhost', '10.0.0.5']);
  });
});

describe('check and reload', () => {
  it('go through sudo -n when the Server says so, as written otherwise', () => {
    const http = server({ user: 'tide' }).services.http;
    expect(httpCommand(http, 'check')).toBe('sudo -n nginx -t');
    expect(httpCommand(http, 'reload')).toBe('sudo -n nginx -s reload');
    expect(httpCommand({ ...http, sudo: false }, 'reload')).toBe('nginx -s reload');
  });
});

describe('site permission model', () => {
  it('describes each difference from the model', () => {
    expect(sitePermissionsDrift('2750 www-data\n640 www-data\n2770 www-data\n', 'www-data')).toEqual([]);
    expect(sitePermissionsDrift('755 tide\n644 www-data\nmissing\n', 'www-data')).toEqual([
      'the site directory has mode 755, not 2750',
      'the site directory belongs to group tide, not www-data',
      'settings.json has mode 644, not 640',
      'files/ is missing',
    ]);
    // A missing directory or settings file is reported elsewhere.
    expect(sitePermissionsDrift('missing\nmissing\nmissing\n', 'www-data')).toEqual([]);
    expect(sitePermissionsDrift('2750 www-data\nmissing\n2770 www-data\n', 'www-data')).toEqual([]);
  });

  it('changes only what the login user owns, never through a symbolic link, and quotes the paths', () => {
    const command = sitePermissionsCommand("/var/tide/sites/it's.example.com", 'www-data');
    expect(command).toContain(`'/var/tide/sites/it'\\''s.example.com/files'`);
    expect(command.match(/-user "\$\(id -u\)" ! -type l/g)).toHaveLength(3);
    expect(command).not.toContain('chown');
    expect(sitePermissionsCommand('/x', undefined)).not.toContain('chgrp');
  });
});
