// An ssh transport to one of the test servers: loopback, its pinned host key,
// the test client key.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { SshTransport, type SshServer } from '../../../src/transport/ssh.js';
import type { TestServices, TestSshServer } from '../env/types.js';

export function sshTransportTo(server: TestSshServer, services: TestServices, over: Partial<SshServer> = {}): SshTransport {
  return new SshTransport({
    name: server.name,
    host: server.host,
    port: server.port,
    user: server.user,
    hostKey: server.hostKey,
    identity: `file:${services.ssh.clientKeyPath}`,
    ...over,
  });
}

/**
 * A directory on a test server that its deploy user may write in (tide logs
 * in unprivileged; the test itself runs as root on the same machine).
 */
export function deployUserDir(server: TestSshServer, path: string): string {
  mkdirSync(path, { recursive: true });
  execFileSync('chown', [server.user, path]);
  return path;
}
