// Reads recorded state from the state branch without checking it out.
// A branch that does not exist yet means nothing has been applied. Anyone who
// can push the branch can write anything there, so every file is checked
// against its schema as it is read, and a bad one is named in the error.

import { TideError } from '../errors.js';
import { validatorFor } from '../model/schemas.js';
import { readFilesAt, readFilesIn, resolveFirstRef } from '../repo/git.js';
import { STATE_DIR, stateRefCandidates } from './layout.js';
import { emptyRecordedState, type RecordedState } from './types.js';

const SECTIONS = {
  servers: { dir: 'servers', schema: 'state-server.schema.json' },
  platforms: { dir: 'platforms', schema: 'state-platform.schema.json' },
  sites: { dir: 'sites', schema: 'state-site.schema.json' },
  deletedSites: { dir: 'deleted-sites', schema: 'state-deleted-site.schema.json' },
} as const;

const SECTION_OF_DIR = new Map<string, keyof typeof SECTIONS>(Object.entries(SECTIONS).map(([section, { dir }]) => [dir, section as keyof typeof SECTIONS]));

export async function readRecordedState(repoDir: string, branch: string): Promise<RecordedState> {
  const found = resolveFirstRef(repoDir, stateRefCandidates(branch));
  if (!found) return emptyRecordedState(branch);
  const sections = Object.values(SECTIONS).map((s) => `${STATE_DIR}/${s.dir}`);
  const take = (name: string): boolean => name.endsWith('.json');
  // Listed by git in one go; walked tree by tree when git cannot list them, which names what is wrong.
  // Only files directly in a section are records: anything beside them (state/x.json) or deeper is not read.
  const files = (await readFilesIn(repoDir, found.commit, sections, take)) ?? (await readFilesAt(repoDir, found.commit, STATE_DIR, {
    enter: (path) => sections.includes(path),
    take: (path, name) => sections.includes(path.slice(0, path.lastIndexOf('/'))) && take(name),
  }));
  const state = emptyRecordedState(branch);
  state.branch = found.ref.replace(/^refs\/(heads|remotes)\//, '');
  state.commit = found.commit;
  for (const file of files) {
    // `state/<dir>/<name>.json`: the directory found in place, not split out (ten thousand records).
    const start = file.path.indexOf('/') + 1;
    const section = SECTION_OF_DIR.get(file.path.slice(start, file.path.indexOf('/', start)))!;
    const record = parseStateFile<{ name: string }>(file.path, file.text, SECTIONS[section].schema, found.commit);
    if (!file.path.endsWith(`/${record.name}.json`)) throw corrupt(where(file.path, found.commit), `it records '${record.name}', which does not match its file name`);
    (state[section] as Map<string, unknown>).set(record.name, record);
  }
  return state;
}

/**
 * One JSON file of the state branch, checked against its schema in schemas/
 * (e.g. `state-running.schema.json`); STATE_CORRUPT naming the file otherwise.
 */
export function parseStateFile<T>(path: string, text: string, schema: string, commit: string | null): T {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw corrupt(where(path, commit), `it is not valid JSON (${(error as Error).message})`);
  }
  const validate = validatorFor(schema);
  if (!validate(record)) {
    const first = validate.errors?.[0];
    throw corrupt(where(path, commit), `${first?.instancePath || 'the record'} ${first?.message ?? 'does not match its schema'}`);
  }
  return record as T;
}

function where(path: string, commit: string | null): string {
  return `${path} on the state branch${commit ? ` (commit ${commit.slice(0, 7)})` : ''}`;
}

function corrupt(where: string, why: string): TideError {
  return new TideError('STATE_CORRUPT', `Recorded state ${where} cannot be read: ${why}.`, {
    hint: 'The state branch is written only by tide; restore the file from an earlier state commit (git log tide-state).',
  });
}
