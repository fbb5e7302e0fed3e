// The script driver's contract: facts in the environment, as handlebars
// variables, and in settings.json.

import { describe, expect, it } from 'vitest';
import { factsEnv, renderCommand, settingsJson } from '../../src/drivers/facts.js';
import type { SiteFacts } from '../../src/drivers/types.js';

const facts: SiteFacts = {
  site: { name: 'blog.example.com', url: 'blog.example.com', dir: '/var/tide/sites/blog.example.com', profile: 'standard' },
  db: { host: '127.0.0.1', port: 3306, name: 'blog_example_com', user: 'blog_example_com', password: 'pw-123456' },
};

describe('script driver facts', () => {
  it('puts every fact in the environment under its TIDE_ name', () => {
    expect(factsEnv(facts)).toEqual({
      TIDE_SITE_NAME: 'blog.example.com', TIDE_SITE_URL: 'blog.example.com', TIDE_SITE_DIR: '/var/tide/sites/blog.example.com',
      TIDE_SITE_PROFILE: 'standard', TIDE_DB_HOST: '127.0.0.1', TIDE_DB_PORT: '3306', TIDE_DB_NAME: 'blog_example_com',
      TIDE_DB_USER: 'blog_example_com', TIDE_DB_PASSWORD: 'pw-123456',
    });
    expect(Object.keys(factsEnv({ ...facts, db: null }))).toEqual(['TIDE_SITE_NAME', 'TIDE_SITE_URL', 'TIDE_SITE_DIR', 'TIDE_SITE_PROFILE']);
  });

  it('renders commands with {{site.*}}, {{db.*}} and {{TIDE_*}}, without HTML escaping', () => {
    expect(renderCommand('drush si {{site.profile}} --db-url=mysql://{{db.user}}@{{db.host}}/{{TIDE_DB_NAME}} --uri="{{site.url}}" && echo "<ok>"', facts))
      .toBe('drush si standard --db-url=mysql://blog_example_com@127.0.0.1/blog_example_com --uri="blog.example.com" && echo "<ok>"');
  });

  it('writes settings.json in the documented shape', () => {
    expect(JSON.parse(settingsJson(facts))).toEqual({
      site: { name: 'blog.example.com', url: 'blog.example.com', profile: 'standard' },
      db: { host: '127.0.0.1', port: 3306, name: 'blog_example_com', user: 'blog_example_com', password: 'pw-123456' },
    });
  });
});

describe('script driver commands and the password', () => {
  it('never render the database password into a command line (it reaches commands in their environment only)', () => {
    expect(renderCommand('x {{db.password}}|{{TIDE_DB_PASSWORD}}|{{db.user}}', facts)).toBe('x ||blog_example_com');
    expect(factsEnv(facts).TIDE_DB_PASSWORD).toBe('pw-123456');
  });
});
