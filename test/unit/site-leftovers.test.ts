// What recovery removes after a dead operation: its staging copies and
// archives in the making, including an archive cut off while it was being
// copied in (still under its temp name), and never a finished backup.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/model/kinds.js';
import { fetchedBackupPath, siteBackupPath, siteBackupsDir } from '../../src/operations/paths.js';
import { removeLeftoversTask } from '../../src/operations/site/leftovers.js';
import { OperationLog } from '../../src/shell/log.js';
import { shellFor } from '../../src/shell/shell.js';
import { LocalTransport } from '../../src/transport/local.js';
import { tempBeside } from '../../src/transport/remote-shell.js';

const root = mkdtempSync(join(tmpdir(), 'tide-leftovers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('removeLeftoversTask', () => {
  it('removes a fetched archive cut off under its temp name, keeps finished backups and other operations\' files', async () => {
    const server = { name: 'web1', root } as Server;
    const site = 'a.example.test';
    const id = '20261129T212049Z-bc91-clone-site-a.example.test';
    mkdirSync(siteBackupsDir(server, site), { recursive: true });
    const cutOff = [tempBeside(fetchedBackupPath(server, site, id)).tmp, tempBeside(`${siteBackupPath(server, site, id)}.tmp`).tmp];
    const kept = [siteBackupPath(server, site, 'earlier-backup'), tempBeside(fetchedBackupPath(server, site, 'another-op')).tmp];
    for (const path of [...cutOff, ...kept, fetchedBackupPath(server, site, id)]) writeFileSync(path, 'bytes');

    const task = removeLeftoversTask(shellFor(new LocalTransport('web1'), new OperationLog()), server, site, id);
    await task.run();

    for (const path of [...cutOff, fetchedBackupPath(server, site, id)]) expect(existsSync(path), path).toBe(false);
    for (const path of kept) expect(existsSync(path), path).toBe(true);
  });
});
