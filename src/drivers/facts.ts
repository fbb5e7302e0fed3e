// The script driver's contract (DESIGN.md): each command runs in the
// platform's directory with the site's facts in its environment and as
// handlebars variables; settings.json carries the same facts for the app.

import type { SiteFacts } from './types.js';

/**
 * Handlebars' compiler, loaded when a platform command is first rendered:
 * ~100 ms of CPU an apply of static sites (no commands) never needs.
 */
async function compile(template: string): Promise<(view: object) => string> {
  const { default: Handlebars } = await import('handlebars');
  // Commands are shell, not HTML: no escaping (values are schema-checked names).
  return Handlebars.compile(template, { noEscape: true, strict: false });
}

export function factsEnv(facts: SiteFacts): Record<string, string> {
  const env: Record<string, string> = {
    TIDE_SITE_NAME: facts.site.name,
    TIDE_SITE_URL: facts.site.url,
    TIDE_SITE_DIR: facts.site.dir,
    TIDE_SITE_PROFILE: facts.site.profile,
    TIDE_SITE_SCHEME: facts.site.scheme,
    TIDE_SITE_PORT: String(facts.site.port),
    TIDE_SITE_BASE_URL: facts.site.baseUrl,
  };
  // Names are schema-checked (^[A-Za-z][A-Za-z0-9_]*$), so upper-casing cannot collide with TIDE_SITE_*/TIDE_DB_*.
  for (const [name, value] of Object.entries(facts.vars)) env[`TIDE_VAR_${name.toUpperCase()}`] = value;
  if (facts.db) {
    Object.assign(env, {
      TIDE_DB_HOST: facts.db.host,
      TIDE_DB_PORT: String(facts.db.port),
      TIDE_DB_NAME: facts.db.name,
      TIDE_DB_USER: facts.db.user,
      TIDE_DB_PASSWORD: facts.db.password,
    });
  }
  return env;
}

/**
 * Renders a platform command: `{{site.name}}`, `{{db.name}}` and the
 * `{{TIDE_*}}` names all work, except the password: a command line is seen
 * by every user of the server (ps), so it reaches commands only in their
 * environment (validate refuses a template that names it).
 */
export async function renderCommand(template: string, facts: SiteFacts): Promise<string> {
  const { TIDE_DB_PASSWORD: _password, ...env } = factsEnv(facts);
  const db = facts.db && { ...facts.db, password: undefined };
  return (await compile(template))({ ...facts, db, ...env });
}

/**
 * Renders a platform command run without a site (the code's own package
 * inventory): every site variable renders empty, as its TIDE_* are unset.
 */
export async function renderPlatformCommand(template: string): Promise<string> {
  return (await compile(template))({});
}

/** The settings file tide writes into the site directory (mode 0640). */
export function settingsJson(facts: SiteFacts): string {
  const { name, url, profile, scheme, port, baseUrl } = facts.site;
  return `${JSON.stringify({ site: { name, url, profile, scheme, port, baseUrl }, vars: facts.vars, db: facts.db }, null, 2)}\n`;
}
