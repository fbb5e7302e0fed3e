// Free TCP ports on loopback for the daemons.
//
// Ports come from below the kernel's ephemeral range: a port the kernel hands
// out for bind(0) can meanwhile become the source port of some outgoing
// connection (ours or another test's) before the daemon binds it.
// A port is handed out once per process: each worker's environment reserves
// an https port nothing listens on yet, which another environment must not take.

import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';

const LOWEST = 20_000;
const handedOut = new Set<number>();

async function ephemeralStart(): Promise<number> {
  const range = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '32768');
  return Number(range.trim().split(/\s+/)[0]) || 32768;
}

function tryListen(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * `count` distinct free ports. Each is held open until all are found, so the
 * same port is never handed out twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const top = await ephemeralStart();
  const held = new Map<number, Server>();
  for (let attempt = 0; held.size < count; attempt++) {
    if (attempt > count * 50) throw new Error(`integration env: no free loopback ports in ${LOWEST}-${top - 1}`);
    const port = LOWEST + Math.floor(Math.random() * Math.max(1, top - LOWEST));
    if (held.has(port) || handedOut.has(port)) continue;
    const server = await tryListen(port);
    if (server) held.set(port, server);
  }
  await Promise.all([...held.values()].map((s) => new Promise((resolve) => s.close(resolve))));
  for (const port of held.keys()) handedOut.add(port);
  return [...held.keys()];
}
