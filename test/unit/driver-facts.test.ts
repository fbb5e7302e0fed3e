// The script driver's contract: facts in the environment, as handlebars
// variables, and in settings.json.

import { describe, expect, it } from 'vitest';
import { factsEnv, renderCommand, settingsJson } from '../../src/drivers/facts.js';
import type { SiteFacts } from '../../src/drivers/types.js';
import { siteFacts, type SiteResources } from '../../src/operations/site/resources.js';

const facts: SiteFacts = {
  site: { name: 'blog.example.com', url: 'blog.example.com', dir: '/var/tide/sites/blog.example.com', profile: 'standard', scheme: 'http', port: 80, baseUrl: 'http://blog.example.com' },
  vars: { title: 'My blog', adminEmail: 'ops@example.com' },
  db: { host: '127.0.0.1', port: 3306, name: 'blog_example_com', user: 'blog_example_com', password: 'pw-123456' },
};

describe('script driver facts', () => {
  it('puts every fact in the environment under its TIDE_ name', () => {
    expect(factsEnv(facts)).toEqual({
      TIDE_SITE_NAME: 'blog.example.com', TIDE_SITE_URL: 'blog.example.com', TIDE_SITE_DIR: '/var/tide/sites/blog.example.com',
      TIDE_SITE_PROFILE: 'standard', TIDE_SITE_SCHEME: 'http', TIDE_SITE_PORT: '80', TIDE_SITE_BASE_URL: 'http://blog.example.com',
      TIDE_VAR_TITLE: 'My blog', TIDE_VAR_ADMINEMAIL: 'ops@example.com', TIDE_DB_HOST: '127.0.0.1', TIDE_DB_PORT: '3306', TIDE_DB_NAME: 'blog_example_com',
      TIDE_DB_USER: 'blog_example_com', TIDE_DB_PASSWORD: 'pw-123456',
    });
    expect(Object.keys(factsEnv({ ...facts, db: null }))).toEqual([
      'TIDE_SITE_NAME', 'TIDE_SITE_URL', 'TIDE_SITE_DIR', 'TIDE_SITE_PROFILE', 'TIDE_SITE_SCHEME', 'TIDE_SITE_PORT', 'TIDE_SITE_BASE_URL',
      'TIDE_VAR_TITLE', 'TIDE_VAR_ADMINEMAIL',
    ]);
  });

  it('renders commands with {{site.*}}, {{db.*}} and {{TIDE_*}}, without HTML escaping', async () => {
    expect(await renderCommand('drush si {{site.profile}} --db-url=mysql://{{db.user}}@{{db.host}}/{{TIDE_DB_NAME}} --uri="{{site.url}}" && echo "<ok>"', facts))
      .toBe('drush si standard --db-url=mysql://blog_example_com@127.0.0.1/blog_example_com --uri="blog.example.com" && echo "<ok>"');
  });

  it('writes settings.json in the documented shape', () => {
    expect(JSON.parse(settingsJson(facts))).toEqual({
      site: { name: 'blog.example.com', url: 'blog.example.com', profile: 'standard', scheme: 'http', port: 80, baseUrl: 'http://blog.example.com' },
      vars: { title: 'My blog', adminEmail: 'ops@example.com' },
      db: { host: '127.0.0.1', port: 3306, name: 'blog_example_com', user: 'blog_example_com', password: 'pw-123456' },
    });
  });
});

describe('script driver commands and the password', () => {
  it('never render the database password into a command line (it reaches commands in their environment only)', async () => {
    expect(await renderCommand('x {{db.password}}|{{TIDE_DB_PASSWORD}}|{{db.user}}', facts)).toBe('x ||blog_example_com');
    expect(factsEnv(facts).TIDE_DB_PASSWORD).toBe('pw-123456');
  });
});

describe('site facts from the fleet', () => {
  // Only the fields siteFacts reads: the site's shape, its platform's vars and the server's ports.
  const resources = (shape: object, platformVars: Record<string, string> | undefined, ports = { port: 80, httpsPort: 443 }) => ({
    name: 'blog.example.com', dir: '/srv/sites/blog.example.com', db: null,
    platform: { vars: platformVars }, server: { services: { http: { type: 'nginx', ...ports } } },
    shape: { url: 'blog.example.com', profile: 'standard', ...shape },
  }) as unknown as SiteResources;
  const https = { certificate: '/etc/ssl/b.pem', key: '/etc/ssl/b.key', required: false };

  it('gives scheme, port and base URL: https when the site has it, the port left out when it is the default', () => {
    expect(siteFacts(resources({}, undefined), null).site).toMatchObject({ scheme: 'http', port: 80, baseUrl: 'http://blog.example.com' });
    expect(siteFacts(resources({ https }, undefined), null).site).toMatchObject({ scheme: 'https', port: 443, baseUrl: 'https://blog.example.com' });
    expect(siteFacts(resources({}, undefined, { port: 8080, httpsPort: 8443 }), null).site)
      .toMatchObject({ scheme: 'http', port: 8080, baseUrl: 'http://blog.example.com:8080' });
    expect(siteFacts(resources({ https }, undefined, { port: 8080, httpsPort: 8443 }), null).site.baseUrl).toBe('https://blog.example.com:8443');
  });

  it('takes vars from the platform as defaults, the site\'s own winning', () => {
    expect(siteFacts(resources({}, undefined), null).vars).toEqual({});
    expect(siteFacts(resources({ vars: { title: 'Mine' } }, { title: 'Default', currency: 'EUR' }), null).vars)
      .toEqual({ title: 'Mine', currency: 'EUR' });
  });
});
