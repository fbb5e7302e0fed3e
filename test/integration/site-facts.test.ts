// Facts an application needs (issue 11, point 5): settings.json carries the
// site's scheme, port and base URL and its vars (the platform's as defaults,
// the site's winning), and commands see them as TIDE_SITE_* and TIDE_VAR_*.
// A PHP page served over HTTP prints what its settings.json and its install
// command saw; changing a var rewrites settings.json on the next apply.
// Served when reported (issue 11, point 6): each request right after apply
// gets the new configuration, with no waiting in the test; and a reload that
// never takes effect fails the operation with an error naming site and host.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { removeGitCliRepos } from '../helpers/git-cli.js';
import { commitAll, makeFleet, serverYaml, tide, writeFleetFile, type TestFleet } from './support/fleet.js';
import { httpGet } from './support/probe.js';

const services = inject('services');
const web1 = services.ssh.servers[0]!;
const SITE = 'facts.example.test';
let fleet: TestFleet;

// Prints settings.json's facts and the greeting the install command wrote from TIDE_VAR_GREETING.
const INDEX_PHP = `<?php
$dir = $_SERVER['TIDE_SITE_DIR'];
$s = json_decode(file_get_contents("$dir/settings.json"), true, 512, JSON_THROW_ON_ERROR);
header('Content-Type: text/plain');
echo "base={$s['site']['baseUrl']}\\nscheme={$s['site']['scheme']}\\nport={$s['site']['port']}\\n";
echo "title={$s['vars']['title']}\\ngreeting=" . file_get_contents("$dir/greeting.txt") . "\\n";
`;

function writeSite(vars: Record<string, string>, more: Record<string, unknown> = {}): void {
  writeFleetFile(fleet, `sites/${SITE}.yaml`, { kind: 'Site', name: SITE, platform: 'facts', server: 'web1', vars, ...more });
}

async function applyOk(message: string): Promise<void> {
  commitAll(fleet, message);
  const run = await tide(fleet, ['apply', '--yes']);
  expect(run.exitCode, run.all).toBe(0);
}

beforeAll(() => {
  fleet = makeFleet(services, 'site-facts', { keepSites: false });
  mkdirSync(join(fleet.dir, 'platforms/facts/public'), { recursive: true });
  writeFileSync(join(fleet.dir, 'platforms/facts/public/index.php'), INDEX_PHP);
  writeFleetFile(fleet, 'platforms/facts.yaml', {
    kind: 'Platform', name: 'facts', servers: ['web1'], driver: 'script', source: { path: 'platforms/facts' }, docroot: 'public',
    vars: { greeting: 'hello from the platform', title: 'Platform default' },
    commands: { install: 'printf %s "$TIDE_VAR_GREETING" > "$TIDE_SITE_DIR/greeting.txt"' },
  });
});
afterAll(() => removeGitCliRepos());

describe('facts an application needs', () => {
  it('a PHP site shows its base URL and a var from settings.json, and its install command saw TIDE_VAR_GREETING', async () => {
    writeSite({ title: 'Facts wiki' });
    await applyOk('a site with vars');
    const page = await httpGet(web1.http.port, SITE);
    expect(page.status, page.body).toBe(200);
    expect(page.body).toContain(`base=http://${SITE}:${web1.http.port}\n`);
    expect(page.body).toContain('scheme=http\n');
    expect(page.body).toContain(`port=${web1.http.port}\n`);
    expect(page.body).toContain('title=Facts wiki\n');
    expect(page.body).toContain('greeting=hello from the platform\n');
  });

  it('changing a var rewrites settings.json on the next apply', async () => {
    writeSite({ title: 'Renamed wiki' });
    await applyOk('new title');
    const page = await httpGet(web1.http.port, SITE);
    expect(page.body).toContain('title=Renamed wiki\n');
  });

  it('disable and enable: the page right after each apply is the new one', async () => {
    writeSite({ title: 'Renamed wiki' }, { status: 'disabled' });
    await applyOk('disable');
    expect((await httpGet(web1.http.port, SITE)).status).toBe(503);
    writeSite({ title: 'Renamed wiki' }, { aliases: [`www.${SITE}`], redirectAliases: true });
    await applyOk('enable, with a redirecting alias');
    expect((await httpGet(web1.http.port, SITE)).status).toBe(200);
    expect(await httpGet(web1.http.port, `www.${SITE}`)).toMatchObject({ status: 301, location: `http://${SITE}:${web1.http.port}/` });
  });

  it('a reload that never takes effect fails the operation, naming the site, the host and what answered; the old vhost stays', async () => {
    const servers = join(fleet.dir, 'servers/web1.yaml');
    const root = fleet.roots.web1!;
    // The "reload" is the config test (allowed through sudo, passes) and reloads nothing: nginx keeps serving the old vhost.
    const server = yaml.load(serverYaml(web1, services, root)) as { services: { http: Record<string, unknown> } };
    Object.assign(server.services.http, { reload: web1.http.check, servedWithin: 2 });
    writeFileSync(servers, yaml.dump(server));
    writeSite({ title: 'Renamed wiki' }, { status: 'disabled' });
    commitAll(fleet, 'disable, with a reload that does nothing');
    const run = await tide(fleet, ['apply', '--yes']);
    expect(run.exitCode, run.all).not.toBe(0);
    expect(run.all).toMatch(new RegExp(`the new vhost of site ${SITE.replace(/\./g, '\\.')} \\(X-Tide-Vhost: [0-9a-f]{16}\\) did not answer ` +
      `for ${SITE.replace(/\./g, '\\.')} on port ${web1.http.port} of web1 within 2 s of the reload; last seen: HTTP 204 with X-Tide-Vhost: [0-9a-f]{16}`));
    // Rolled back: the live vhost is still served and still on disk.
    expect((await httpGet(web1.http.port, SITE)).status).toBe(200);
    expect(readFileSync(join(web1.http.configDir, `tide-${SITE}.conf`), 'utf8')).not.toContain('Disabled');
    writeFileSync(servers, serverYaml(web1, services, root));
    commitAll(fleet, 'the real reload again');
    await applyOk('disable for real');
    expect((await httpGet(web1.http.port, SITE)).status).toBe(503);
  });
});
