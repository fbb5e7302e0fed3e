// A loopback TCP proxy that holds what the server sends until it has been
// quiet for a while, then passes it on in one write: the client reads, in one
// chunk, answers a fast network would spread over several reads (as a busy
// client does, whose event loop comes back to the socket late).

import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface CoalescingProxy {
  port: number;
  close(): Promise<void>;
}

export async function coalescingProxy(targetPort: number, quietMs: number): Promise<CoalescingProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream);
    let held: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      if (held.length > 0) client.write(Buffer.concat(held));
      held = [];
    };
    upstream.on('data', (chunk: Buffer) => {
      held.push(chunk);
      clearTimeout(timer);
      timer = setTimeout(flush, quietMs);
    });
    upstream.on('end', () => {
      clearTimeout(timer);
      flush();
      client.end();
    });
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
