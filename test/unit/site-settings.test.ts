// A site's settings file holds its database password, which tide registers
// with the redactor only once it has read it: an error about the file must
// not quote it.

import { describe, expect, it } from 'vitest';
import { readPasswordTask, type PasswordBox } from '../../src/operations/site/tasks.js';
import type { SiteResources } from '../../src/operations/site/resources.js';
import { fakeShell } from '../helpers/fake-shell.js';

describe('reading a site\'s database password from settings.json', () => {
  const site = { db: { name: 'blog' }, settingsPath: '/var/tide/sites/blog/settings.json', server: { name: 'web1' } } as unknown as SiteResources;

  it('names the file but never quotes it when it is not JSON', async () => {
    const { shell } = fakeShell();
    // Short text: JSON.parse would quote all of it in its message.
    shell.transport.readFile = async () => Buffer.from('pw: Hx7-site-pw-Q2');
    const box: PasswordBox = { value: null };
    const error = await readPasswordTask(shell, site, box)!.run().catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('/var/tide/sites/blog/settings.json on web1');
    expect((error as Error).message).not.toContain('Hx7');
    expect(box.value).toBeNull();
  });

  it('reads the password of a valid file', async () => {
    const { shell } = fakeShell();
    shell.transport.readFile = async () => Buffer.from('{"db": {"password": "Hx7-site-pw-Q2"}}');
    const box: PasswordBox = { value: null };
    await readPasswordTask(shell, site, box)!.run();
    expect(box.value).toBe('Hx7-site-pw-Q2');
  });
});
