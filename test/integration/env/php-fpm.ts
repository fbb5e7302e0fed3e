// One php-fpm shared by both nginx instances, on a unix socket in the temp dir.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Daemons } from './processes.js';
import { unixSocketAccepts } from './probes.js';

/** Starts php-fpm; returns the fastcgi_pass address, "unix:/.../php-fpm.sock". */
export async function startPhpFpm(daemons: Daemons, phpFpm: string, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const socket = join(dir, 'php-fpm.sock');
  const log = join(dir, 'php-fpm.log');
  const conf = join(dir, 'php-fpm.conf');
  await writeFile(
    conf,
    `; Written by the tide integration environment.
[global]
pid = ${join(dir, 'php-fpm.pid')}
error_log = ${log}
daemonize = no

[tide]
; Sites are deployed as root by the test sshd, so the pool runs as root too (needs -R).
user = root
group = root
listen = ${socket}
listen.mode = 0666
pm = static
pm.max_children = 4
; Keep the environment: tests may pass settings to PHP through it.
clear_env = no
catch_workers_output = yes
`,
  );
  await daemons.start({
    name: 'php-fpm',
    command: phpFpm,
    args: ['--nodaemonize', '--allow-to-run-as-root', '--fpm-config', conf],
    log,
    ready: () => unixSocketAccepts(socket),
  });
  return `unix:${socket}`;
}
