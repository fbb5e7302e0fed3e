// An ssh transport to one of the test servers: loopback, its pinned host key,
// the test client key.

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
