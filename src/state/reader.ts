// Reads recorded state from the state branch without checking it out.
// A branch that does not exist yet means nothing has been applied.

import { TideError } from '../errors.js';
import { validatorFor } from '../model/schemas.js';
import { readFilesAt, resolveFirstRef } from '../repo/git.js';
import type { FleetFile } from '../repo/files.js';
import { STATE_DIR, stateRefCandidates } from './layout.js';
import { emptyRecordedState, type RecordedState } from './types.js';

const SECTIONS = {
  servers: { dir: 'servers', schema: 'state-server.schema.json' },
  platforms: { dir: 'platforms', schema: 'state-platform.schema.json' },
  sites: { dir: 'sites', schema: 'state-site.schema.json' },
} as const;

export async function readRecordedState(repoDir: string, branch: string): Promise<RecordedState> {
  const found = resolveFirstRef(repoDir, stateRefCandidates(branch));
  if (!found) return emptyRecordedState(branch);
  const files = readFilesAt(repoDir, found.commit, STATE_DIR, {
    enter: (path) => Object.values(SECTIONS).some((s) => path === `${STATE_DIR}/${s.dir}`),
    take: (_path, name) => name.endsWith('.json'),
  });
  const state = emptyRecordedState(branch);
  state.branch = found.ref.replace(/^refs\/(heads|remotes)\//, '');
  state.commit = found.commit;
  for (const file of files) {
    const section = file.path.split('/')[1] as keyof typeof SECTIONS;
    const record = parseStateFile(file, SECTIONS[section].schema, found.commit);
    (state[section] as Map<string, unknown>).set(record.name, record);
  }
  return state;
}

function parseStateFile(file: FleetFile, schema: string, commit: string): { name: string } {
  const where = `${file.path} on the state branch (commit ${commit.slice(0, 7)})`;
  let record: unknown;
  try {
    record = JSON.parse(file.text);
  } catch (error) {
    throw corrupt(where, `it is not valid JSON (${(error as Error).message})`);
  }
  const validate = validatorFor(schema);
  if (!validate(record)) {
    const first = validate.errors?.[0];
    throw corrupt(where, `${first?.instancePath || 'the record'} ${first?.message ?? 'does not match its schema'}`);
  }
  const name = (record as { name: string }).name;
  if (!file.path.endsWith(`/${name}.json`)) throw corrupt(where, `it records '${name}', which does not match its file name`);
  return record as { name: string };
}

function corrupt(where: string, why: string): TideError {
  return new TideError('STATE_CORRUPT', `Recorded state ${where} cannot be read: ${why}.`, {
    hint: 'The state branch is written only by tide; restore the file from an earlier state commit (git log tide-state).',
  });
}
