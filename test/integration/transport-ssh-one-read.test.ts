// A command's exit status when sshd's whole answer arrives in one read, as
// on a busy client. In a file of its own: the shells of the connection the
// proxy cuts at the end die on the server a moment later, and
// transport-ssh.test.ts counts the deploy user's shells.

import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { SshTransport } from '../../src/transport/ssh.js';
import type { TestSshServer } from './env/types.js';
import { coalescingProxy } from './support/coalescing-proxy.js';
import { sshTransportTo } from './support/ssh.js';

const services = inject('services');
const [web1] = services.ssh.servers as [TestSshServer];
const opened: SshTransport[] = [];
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()));
});

describe('answers that arrive in one read', () => {
  it('keeps the exit status of a command whose output, exit and close come with the reply that opens its channel', async () => {
    // sshd's whole answer to a short command, held back and passed on in one
    // write: ssh2 reads the channel's opening, output, exit status and close
    // in one go (on a busy machine this happens by itself).
    const proxy = await coalescingProxy(web1.port, 150);
    try {
      const t = sshTransportTo(web1, services, { port: proxy.port });
      opened.push(t);
      const results: string[] = [];
      // Output to a stream: the command runs on a channel of its own (as a copy's sender does).
      for (const code of [0, 3, 0]) {
        const out = new PassThrough();
        const chunks: Buffer[] = [];
        out.on('data', (c: Buffer) => chunks.push(c));
        const r = await t.exec(`echo sent; exit ${code}`, { stdout: out });
        results.push(`${Buffer.concat(chunks).toString()}${r.exitCode}`);
      }
      expect(results).toEqual(['sent\n0', 'sent\n3', 'sent\n0']);
    } finally {
      await proxy.close();
    }
  });
});
