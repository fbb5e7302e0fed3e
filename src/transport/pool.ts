// One transport per server for a whole run: an ssh server's connection is
// opened on first use and shared by every operation on it.

import type { Server } from '../model/kinds.js';
import { LocalTransport } from './local.js';
import { SshTransport, type SshTransportOptions } from './ssh.js';
import type { Transport } from './types.js';

export type TransportServer = Pick<Server, 'name' | 'transport' | 'host' | 'port' | 'user' | 'hostKey' | 'identity'>;

/** A transport for the server (no connection is made until its first use). */
export function openTransport(server: TransportServer, options: SshTransportOptions = {}): Transport {
  return server.transport === 'local' ? new LocalTransport(server.name) : new SshTransport(server, options);
}

export class TransportPool {
  private readonly transports = new Map<string, Transport>();

  constructor(private readonly open: (server: TransportServer) => Transport = openTransport) {}

  get(server: TransportServer): Transport {
    let transport = this.transports.get(server.name);
    if (!transport) {
      transport = this.open(server);
      this.transports.set(server.name, transport);
    }
    return transport;
  }

  /** Closes every transport; one failing to close does not keep the others open. */
  async closeAll(): Promise<void> {
    const all = [...this.transports.values()];
    this.transports.clear();
    await Promise.allSettled(all.map((t) => t.close()));
  }
}
