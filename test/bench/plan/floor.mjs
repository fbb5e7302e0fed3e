#!/usr/bin/env node
// The parse floor: the least any planner that reads the fleet with js-yaml
// must do before it can plan, timed as its own process in the same round as
// tide (see run.mjs). It reads every committed *.yaml file of the fleet from
// git with one `git cat-file --batch`, parses each with js-yaml's loadAll,
// and, with --state BRANCH, reads every JSON file under state/ on that
// branch the same way and parses it with JSON.parse. Nothing is validated,
// checked, planned or printed: tide's cold plan over this floor is what
// tide adds on top of reading and parsing.
//
//   node test/bench/plan/floor.mjs REPO [--state BRANCH]
//
// Prints one line to stderr on failure and exits 1; prints the counts on success.

import { execFileSync } from 'node:child_process';
import { loadAll } from 'js-yaml';

const [repo, flag, branch] = process.argv.slice(2);
if (!repo || (flag !== undefined && (flag !== '--state' || !branch))) {
  process.stderr.write('usage: floor.mjs REPO [--state BRANCH]\n');
  process.exit(1);
}

const git = (args, input) => execFileSync('git', ['-C', repo, ...args], { input, maxBuffer: 1 << 30 });

/** Blob ids of NUL-separated `<mode> <type|stage> <oid>\t<path>` lines whose path passes `keep`. */
function oidsOf(listing, oidField, keep) {
  const oids = [];
  for (const line of listing.toString('utf8').split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0 || !keep(line.slice(tab + 1))) continue;
    oids.push(line.slice(0, tab).split(' ')[oidField]);
  }
  return oids;
}

/** The blobs' texts, read with one `git cat-file --batch`. */
function readBlobs(oids) {
  if (oids.length === 0) return [];
  const out = git(['cat-file', '--batch'], `${oids.join('\n')}\n`);
  const texts = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    const size = Number(out.toString('latin1', at, eol).split(' ')[2]);
    texts.push(out.toString('utf8', eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return texts;
}

const fleet = readBlobs(oidsOf(git(['ls-files', '-s', '-z']), 1, (p) => p.endsWith('.yaml')));
let documents = 0;
for (const text of fleet) documents += loadAll(text).length;

let records = 0;
if (branch) {
  const state = readBlobs(oidsOf(git(['ls-tree', '-r', '-z', branch, '--', 'state/']), 2, (p) => p.endsWith('.json')));
  for (const text of state) if (JSON.parse(text) !== null) records++;
}
process.stdout.write(`${fleet.length} fleet files, ${documents} documents, ${records} state records\n`);
