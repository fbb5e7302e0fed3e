#!/usr/bin/env node
// The parse floor: the least any planner that reads the fleet with js-yaml
// must do before it can plan, timed as its own process in the same round as
// tide (see run.mjs). It reads every committed *.yaml file of the fleet from
// git with one `git cat-file --batch`, parses each with js-yaml's loadAll,
// and, with --state BRANCH, reads every JSON file under state/ on that
// branch the same way (the two reads run side by side) and parses each with
// JSON.parse. Nothing is validated, checked, planned or printed: tide's cold
// plan over this floor is what tide adds on top of reading and parsing.
//
//   node test/bench/plan/floor.mjs REPO [--state BRANCH]
//
// Prints the counts; exits non-zero when git fails.

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';

const [repo, flag, branch] = process.argv.slice(2);
if (!repo || (flag !== undefined && (flag !== '--state' || !branch))) {
  process.stderr.write('usage: floor.mjs REPO [--state BRANCH]\n');
  process.exit(1);
}

const listing = (args) => execFileSync('git', ['-C', repo, ...args], { maxBuffer: 1 << 30 }).toString('utf8');

/** Blob ids of NUL-separated `<mode> <type|stage> <oid>\t<path>` lines whose path passes `keep`. */
function oidsOf(lines, oidField, keep) {
  const oids = [];
  for (const line of lines.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab >= 0 && keep(line.slice(tab + 1))) oids.push(line.slice(0, tab).split(' ')[oidField]);
  }
  return oids;
}

/**
 * The blobs' texts, read with one `git cat-file --batch` whose answers go to
 * a file read back in one piece (as tide reads them: through a pipe, git's
 * small writes would cost more than the parsing).
 */
async function readBlobs(oids, dir, name) {
  if (oids.length === 0) return [];
  const file = join(dir, name);
  const fd = openSync(file, 'w');
  const git = spawn('git', ['-C', repo, 'cat-file', '--batch'], { stdio: ['pipe', fd, 'inherit'] });
  git.stdin.end(`${oids.join('\n')}\n`);
  const code = await new Promise((resolve, reject) => git.once('error', reject).once('close', resolve));
  closeSync(fd);
  if (code !== 0) throw new Error(`git cat-file --batch exited with ${code}`);
  const out = readFileSync(file);
  const texts = [];
  for (let at = 0; at < out.length; ) {
    const eol = out.indexOf(10, at);
    const size = Number(out.toString('latin1', at, eol).split(' ')[2]);
    texts.push(out.toString('utf8', eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return texts;
}

const dir = mkdtempSync(join(tmpdir(), 'tide-floor-'));
try {
  const fleetRead = readBlobs(oidsOf(listing(['ls-files', '-s', '-z']), 1, (p) => p.endsWith('.yaml')), dir, 'fleet');
  const stateRead = branch ? readBlobs(oidsOf(listing(['ls-tree', '-r', '-z', branch, '--', 'state/']), 2, (p) => p.endsWith('.json')), dir, 'state') : [];
  const fleet = await fleetRead;
  let documents = 0;
  for (const text of fleet) documents += loadAll(text).length;
  let records = 0;
  for (const text of await stateRead) if (JSON.parse(text) !== null) records++;
  process.stdout.write(`${fleet.length} fleet files, ${documents} documents, ${records} state records\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
