// One php-fpm shared by both nginx instances, on a unix socket in the temp
// dir. Its pool is Debian's default (/etc/php/*/fpm/pool.d/www.conf): the
// master runs as root, the workers as www-data, and the socket belongs to
// www-data with mode 0660, so nginx's workers (www-data) reach it and PHP
// reads only what the web group may read.

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

[www]
user = www-data
group = www-data
listen = ${socket}
listen.owner = www-data
listen.group = www-data
listen.mode = 0660
pm = static
pm.max_children = 4
catch_workers_output = yes
`,
  );
  await daemons.start({
    name: 'php-fpm',
    command: phpFpm,
    args: ['--nodaemonize', '--fpm-config', conf],
    log,
    ready: () => unixSocketAccepts(socket),
  });
  return `unix:${socket}`;
}
