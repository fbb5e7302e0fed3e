// The baseline tide is measured against: what a careful admin's shell script
// would do for the same sites, running the same remote commands through one
// multiplexed `ssh` connection per server (ControlMaster), servers in
// parallel, sites one after another on each server.

import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestServices, TestSshServer } from '../../integration/env/types.js';

function q(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The script for one server: per site, the commands tide runs for a static install. */
function serverScript(s: TestSshServer, services: TestServices, sites: string[], root: string, docroot: string, control: string, knownHosts: string): string {
  const ssh = `ssh -o ControlPath=${q(control)} -o UserKnownHostsFile=${q(knownHosts)} -o StrictHostKeyChecking=yes -p ${s.port} -i ${q(services.ssh.clientKeyPath)} root@127.0.0.1`;
  const lines = [
    'set -e',
    `${ssh} -o ControlMaster=yes -o ControlPersist=120 -N -f`,
  ];
  for (const site of sites) {
    const dir = `${root}/sites/${site}`;
    const vhost = `${s.http.configDir}/tide-${site}.conf`;
    const settings = JSON.stringify({ site: { name: site, url: site, profile: 'standard' }, db: null });
    const conf = `server {\n    listen ${s.http.port};\n    server_name ${site};\n    root "${docroot}";\n    index index.html;\n}\n`;
    lines.push(
      `${ssh} ${q(`if [ -e ${q(dir)} ]; then exit 3; fi; mkdir -p ${q(`${dir}/files`)} && chmod 0750 ${q(dir)}`)}`,
      `printf '%s' ${q(settings)} | ${ssh} ${q(`cat > ${q(`${dir}/settings.json.tmp`)} && chmod 0640 ${q(`${dir}/settings.json.tmp`)} && mv ${q(`${dir}/settings.json.tmp`)} ${q(`${dir}/settings.json`)}`)}`,
      `printf '%s' ${q(conf)} | ${ssh} ${q(`cat > ${q(`${vhost}.tmp`)} && mv ${q(`${vhost}.tmp`)} ${q(vhost)}`)}`,
      `${ssh} ${q(s.http.check)} 2>/dev/null`,
      `${ssh} ${q(s.http.reload)} 2>/dev/null`,
    );
  }
  lines.push(`${ssh} -O exit 2>/dev/null || true`);
  return `${lines.join('\n')}\n`;
}

/** Installs `sitesPerServer` on each server the baseline way; returns wall time in ms. */
export async function runBaseline(services: TestServices, plan: { server: TestSshServer; sites: string[]; root: string; docroot: string }[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tide-baseline-'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, plan.map((p) => `[127.0.0.1]:${p.server.port} ${p.server.hostKey}`).join('\n') + '\n');
  const scripts = plan.map((p, i) => {
    const path = join(dir, `server-${i}.sh`);
    writeFileSync(path, serverScript(p.server, services, p.sites, p.root, p.docroot, join(dir, `cm-${i}`), knownHosts));
    return path;
  });
  const started = performance.now();
  await Promise.all(scripts.map((script) => execa('bash', [script])));
  return performance.now() - started;
}
