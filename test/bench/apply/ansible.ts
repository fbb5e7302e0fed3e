// Ansible doing the work tide does for static sites (ansible/static-sites.yml),
// with pipelining on (one ssh exec per module run, no temp-file upload of the
// module) and Ansible's default ControlPersist connection reuse; both hosts
// at once (forks). Debian's ansible-core, installed when missing.

import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { aptInstall } from '../../integration/env/packages.js';
import type { TestServices } from '../../integration/env/types.js';
import type { BenchServerPlan } from './floor.js';

const PLAYBOOK = resolve(import.meta.dirname, 'ansible/static-sites.yml');

/** ansible-playbook's path, installing Debian's ansible-core if it is missing (a fresh machine), or a clear failure. */
export async function ansiblePlaybook(): Promise<string> {
  const find = () => execa('sh', ['-c', 'command -v ansible-playbook'], { reject: false });
  let found = await find();
  if (found.exitCode !== 0) {
    console.log('apply benchmark: ansible-playbook not found; installing Debian\'s ansible-core');
    await aptInstall(['ansible-core']);
    found = await find();
  }
  if (found.exitCode !== 0) throw new Error('apply benchmark: ansible-playbook not found after installing Debian\'s ansible-core');
  return found.stdout.trim();
}

/** Runs the playbook for every plan's sites; returns wall time in ms. */
export async function runAnsible(services: TestServices, plans: BenchServerPlan[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'tide-ansible-'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, plans.map((p) => `[127.0.0.1]:${p.server.port} ${p.server.hostKey}`).join('\n') + '\n');
  const hosts = Object.fromEntries(plans.map((p) => [p.server.name, {
    ansible_host: '127.0.0.1',
    ansible_port: p.server.port,
    ansible_user: p.server.user,
    ansible_ssh_private_key_file: services.ssh.clientKeyPath,
    ansible_ssh_common_args: `-o UserKnownHostsFile=${knownHosts} -o StrictHostKeyChecking=yes`,
    ansible_python_interpreter: '/usr/bin/python3',
    sites: p.sites,
    sites_root: p.root,
    docroot: p.docroot,
    vhost_dir: p.server.http.configDir,
    http_port: p.server.http.port,
    http_check: p.server.http.check,
    http_reload: p.server.http.reload,
  }]));
  const inventory = join(dir, 'inventory.yml');
  // YAML is a superset of JSON.
  writeFileSync(inventory, JSON.stringify({ all: { hosts } }));
  const env = {
    ANSIBLE_PIPELINING: 'True',
    ANSIBLE_HOST_KEY_CHECKING: 'True',
    ANSIBLE_FORKS: String(plans.length),
    ANSIBLE_LOCAL_TEMP: join(dir, 'local-tmp'),
    ANSIBLE_REMOTE_TMP: '/tmp/.ansible-bench-${USER}',
    ANSIBLE_SSH_CONTROL_PATH_DIR: join(dir, 'cp'),
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_RETRY_FILES_ENABLED: 'False',
  };
  const started = performance.now();
  const run = await execa(await ansiblePlaybook(), ['-i', inventory, PLAYBOOK], { env, reject: false, all: true });
  const ms = performance.now() - started;
  if (run.exitCode !== 0) throw new Error(`apply benchmark: ansible-playbook failed (exit ${run.exitCode}):\n${run.all.split('\n').slice(-40).join('\n')}`);
  return ms;
}
