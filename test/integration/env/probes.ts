// "Is it up yet?" checks for daemons, each a single short attempt that never
// throws: the caller retries until its deadline.

import { request } from 'node:http';
import { connect, type Socket } from 'node:net';

function attempt(socket: Socket, onConnect: 'connect' | 'data'): Promise<boolean> {
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once(onConnect, () => finish(true));
  });
}

/** A server that speaks first (sshd's banner, MariaDB's handshake) has sent something. */
export function tcpGreets(port: number): Promise<boolean> {
  return attempt(connect(port, '127.0.0.1'), 'data');
}

/** Something accepts connections on this unix socket (php-fpm). */
export function unixSocketAccepts(path: string): Promise<boolean> {
  return attempt(connect(path), 'connect');
}

/** An HTTP server answers on 127.0.0.1:port, whatever the status. */
export function httpAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/', timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end();
  });
}
