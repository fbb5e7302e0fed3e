// Packs a platform's source into a tar stream, so it reaches a server in one
// stream (`tar -x` there) instead of one command per file, and never whole
// in memory: each file is read only as the server takes the bytes.
//
// Why tar-stream: a maintained, streaming tar writer (pax headers for long
// names, symlink and directory entries) that takes entries from anywhere,
// here a directory or git objects; node-tar packs from the file system only.

import { Readable } from 'node:stream';
import { type Header, type Pack, pack as tarPack } from 'tar-stream';
import { TideError } from '../../errors.js';
import type { SourceEntry, SourceTree } from '../../repo/source-tree.js';

/** The tree's entries as a tar archive; file modes 644 or 755, directories 755, owner 0. */
export function packSource(tree: SourceTree, origin: string, mtime = new Date()): Readable {
  const pack = tarPack();
  void (async () => {
    for (const entry of tree.entries) await add(pack, tree, entry, mtime, origin);
    pack.finalize();
  })().catch((error: unknown) => pack.destroy(error as Error));
  return Readable.from(pack as AsyncIterable<Buffer>, { objectMode: false });
}

async function add(pack: Pack, tree: SourceTree, entry: SourceEntry, mtime: Date, origin: string): Promise<void> {
  const header = { name: entry.path, mtime, uid: 0, gid: 0 };
  if (entry.type === 'directory') return ended(pack, { ...header, type: 'directory', mode: 0o755 });
  if (entry.type === 'symlink') return ended(pack, { ...header, type: 'symlink', mode: 0o777, linkname: entry.target });
  let done!: Promise<void>;
  const sink = pack.entry({ ...header, type: 'file', mode: entry.executable ? 0o755 : 0o644, size: entry.size }, settle((d) => (done = d)));
  sink.on('error', () => undefined); // reported through `done`
  try {
    let sent = 0;
    for await (const chunk of tree.open(entry)) {
      sent += (chunk as Buffer).length;
      // Checked here, not by tar-stream, so the error names the file.
      if (sent > entry.size) throw new Error('it changed while being sent');
      if (!sink.write(chunk as Buffer)) await new Promise<void>((resolve) => sink.once('drain', () => resolve()));
    }
    if (sent !== entry.size) throw new Error('it changed while being sent');
    sink.end(undefined);
    await done;
  } catch (error) {
    throw new TideError('SOURCE_UNREADABLE', `Cannot send ${origin}/${entry.path}: ${(error as Error).message}.`, { cause: error });
  }
}

function ended(pack: Pack, header: Partial<Header> & { name: string }): Promise<void> {
  let done!: Promise<void>;
  pack.entry(header, settle((d) => (done = d)));
  return done;
}

/** A tar-stream callback and the promise it settles. */
function settle(keep: (done: Promise<void>) => void): (error?: Error | null) => void {
  let callback!: (error?: Error | null) => void;
  const done = new Promise<void>((resolve, reject) => (callback = (error) => (error ? reject(error) : resolve())));
  done.catch(() => undefined); // not awaited when the entry's source failed first
  keep(done);
  return callback;
}
