// One php-fpm shared by both nginx instances, on a unix socket in the temp
// dir. Its pool is Debian's default (/etc/php/*/fpm/pool.d/www.conf): the
// master runs as root, the workers as www-data, and the socket belongs to
// www-data with mode 0660, so nginx's workers (www-data) reach it and PHP
// reads only what the web group may read.
//
// It also includes POOL_DIR/*.conf, where examples/tide-php-pool writes the
// pools of sites with per-site isolation (its reload: SIGUSR2 to the master,
// as Debian's `systemctl reload php8.2-fpm` does), and those pools listen
// beside the shared socket.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Daemons } from './processes.js';
import { unixSocketAccepts } from './probes.js';

export interface PhpFpmPaths {
  dir: string;
  conf: string;
  socket: string;
  /** Where the per-site pools go (the pool helper's pool_dir). */
  poolDir: string;
  /** The pool helper's reload and check commands. */
  reload: string;
  check: string;
}

export function phpFpmPaths(phpFpm: string, dir: string): PhpFpmPaths {
  const conf = join(dir, 'php-fpm.conf');
  return {
    dir, conf, socket: join(dir, 'php-fpm.sock'), poolDir: join(dir, 'pools'),
    reload: `kill -USR2 "$(cat ${join(dir, 'php-fpm.pid')})"`,
    check: `${phpFpm} -t --fpm-config ${conf}`,
  };
}

/** Starts php-fpm; returns the fastcgi_pass address, "unix:/.../php-fpm.sock". */
export async function startPhpFpm(daemons: Daemons, phpFpm: string, paths: PhpFpmPaths): Promise<string> {
  const { dir, conf, socket } = paths;
  await mkdir(paths.poolDir, { recursive: true });
  const log = join(dir, 'php-fpm.log');
  await writeFile(
    conf,
    `; Written by the tide integration environment.
[global]
pid = ${join(dir, 'php-fpm.pid')}
error_log = ${log}
daemonize = no
; A reload lets requests in flight finish.
process_control_timeout = 10s

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

include = ${paths.poolDir}/*.conf
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
