// Packs a platform's source into a POSIX ustar archive in memory, so it
// reaches a server in one stream (`tar -x` there) instead of one command per
// file. Directories are implied by file paths; tar creates them.

import { TideError } from '../../errors.js';
import type { SourceFile } from '../../repo/source-tree.js';

const BLOCK = 512;

export function packTar(files: readonly SourceFile[], mtime = Math.floor(Date.now() / 1000)): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(header(file, mtime), file.data);
    const pad = (BLOCK - (file.data.length % BLOCK)) % BLOCK;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(BLOCK * 2)); // end of archive
  return Buffer.concat(parts);
}

function header(file: SourceFile, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const [prefix, name] = splitPath(file.path);
  block.write(name, 0, 100, 'utf8');
  octal(block, 100, 8, file.executable ? 0o755 : 0o644);
  octal(block, 108, 8, 0);
  octal(block, 116, 8, 0);
  octal(block, 124, 12, file.data.length);
  octal(block, 136, 12, mtime);
  block.fill(' ', 148, 156); // checksum is computed with its own field as spaces
  block.write('0', 156, 1, 'latin1'); // regular file
  block.write('ustar\u000000', 257, 8, 'latin1');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1');
  return block;
}

/** ustar keeps up to 100 bytes of name and 155 of prefix, split at a slash. */
function splitPath(path: string): [string, string] {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  for (let cut = path.indexOf('/'); cut !== -1; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return [prefix, name];
  }
  throw new TideError('SOURCE_PATH_TOO_LONG', `The source file ${path} has a path too long to deploy (ustar keeps 255 bytes).`, {
    hint: 'Shorten the directory names in the platform source.',
  });
}

function octal(block: Buffer, at: number, width: number, value: number): void {
  block.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, at, width, 'latin1');
}
