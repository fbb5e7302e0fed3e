// One nginx per server, so which server serves a site shows in the port.
// Set up as on Debian: a root master with www-data workers, and a conf.d
// directory whose files are included (examples/prepare-server.sh puts the
// line including tide's vhost directory there). Everything it writes (pid,
// logs, temp files) stays in its own directory.

import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Daemons } from './processes.js';
import { httpAnswers } from './probes.js';

export interface NginxConfig {
  dir: string;
  conf: string;
  /** conf.d-style directory: every *.conf in it is included. */
  includeDir: string;
  check: string;
  reload: string;
}

function nginxConf(dir: string, includeDir: string, port: number): string {
  const tmp = join(dir, 'tmp');
  return `# Written by the tide integration environment.
daemon off;
master_process on;
worker_processes 1;
user www-data;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} notice;

events {
  worker_connections 256;
}

http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  server_names_hash_bucket_size 128;
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${tmp}/client_body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;

  # tide's vhosts say "listen PORT;" (all addresses), so nginx binds 0.0.0.0:PORT
  # anyway; only loopback clients get content. (Access checks run after
  # "return", so redirects and the 404 below still answer anyone.)
  allow 127.0.0.1;
  allow ::1;
  deny all;

  # Answers before any vhost exists, and for hosts no vhost names. It listens
  # the way tide's vhosts do: nginx picks a server among those whose listen
  # address is the most specific match, so a 127.0.0.1:PORT default server
  # would hide every "listen PORT;" vhost behind a 404.
  server {
    listen ${port} default_server;
    server_name _;
    return 404;
  }

  # As Debian's /etc/nginx/conf.d: the server's preparation adds tide's include here.
  include ${includeDir}/*.conf;
}
`;
}

/** Writes the config (before the server is prepared, which adds to conf.d). */
export async function writeNginxConfig(nginx: string, dir: string, port: number): Promise<NginxConfig> {
  const includeDir = join(dir, 'conf.d');
  await mkdir(includeDir, { recursive: true });
  await mkdir(join(dir, 'tmp'), { recursive: true });
  const conf = join(dir, 'nginx.conf');
  await writeFile(conf, nginxConf(dir, includeDir, port));
  // Vhosts `include fastcgi_params;` as on any Debian server: relative to the config's directory.
  await copyFile('/etc/nginx/fastcgi_params', join(dir, 'fastcgi_params'));
  return { dir, conf, includeDir, check: `${nginx} -c ${conf} -t`, reload: `${nginx} -c ${conf} -s reload` };
}

export async function startNginx(daemons: Daemons, nginx: string, config: NginxConfig, name: string, port: number): Promise<void> {
  await daemons.start({
    name: `nginx ${name}`,
    command: nginx,
    args: ['-c', config.conf],
    log: join(config.dir, 'error.log'),
    ready: () => httpAnswers(port),
  });
}
