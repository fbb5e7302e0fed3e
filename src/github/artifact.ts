// The comment of a fork's pull request, handed from the plan run (read-only
// token) to the relay run (write token) as files the workflow uploads and
// downloads with actions/upload-artifact and actions/download-artifact.
// Whatever the relay reads back was produced by a run of the fork's code, so
// it is read as hostile: bounded, shape-checked, never trusted for the PR number.

import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitHubInputError } from './errors.js';
import { COMMENT_LIMIT } from './plan-comment.js';
import { isSha } from './context.js';
import type { StatusState } from './status.js';

export const ARTIFACT_NAME = 'tide-plan-comment';
const BODY_FILE = 'comment.md';
const META_FILE = 'pull-request.json';

export interface CommentArtifact {
  pullRequest: number;
  headSha: string;
  headRepo: string | null;
  status: { state: StatusState; description: string };
  body: string;
}

export async function writeCommentArtifact(dir: string, artifact: CommentArtifact): Promise<void> {
  await mkdir(dir, { recursive: true });
  const { body, ...meta } = artifact;
  await writeFile(join(dir, BODY_FILE), body);
  await writeFile(join(dir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
}

export async function readCommentArtifact(dir: string): Promise<CommentArtifact> {
  const body = await readBounded(join(dir, BODY_FILE), COMMENT_LIMIT);
  const metaText = await readBounded(join(dir, META_FILE), 4096);
  let meta: unknown;
  try {
    meta = JSON.parse(metaText);
  } catch {
    throw refused(`${META_FILE} is not JSON`);
  }
  const m = meta as Record<string, any>;
  if (typeof m !== 'object' || m === null) throw refused(`${META_FILE} is not an object`);
  if (!Number.isSafeInteger(m.pullRequest) || m.pullRequest <= 0) throw refused('the pull request number is not a positive integer');
  if (!isSha(m.headSha)) throw refused('headSha is not a commit id');
  if (!(m.headRepo === null || typeof m.headRepo === 'string')) throw refused('headRepo is not a repository name');
  if (!['success', 'failure'].includes(m.status?.state) || typeof m.status?.description !== 'string' || m.status.description.length > 140) {
    throw refused('the status is not success or failure with a description of at most 140 characters');
  }
  return { pullRequest: m.pullRequest, headSha: m.headSha, headRepo: m.headRepo, status: { state: m.status.state, description: m.status.description }, body };
}

async function readBounded(path: string, max: number): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw refused(`${path} is missing (was the ${ARTIFACT_NAME} artifact downloaded into this directory?)`);
  }
  if (size > max) throw refused(`${path} is larger than ${max} bytes`);
  return readFile(path, 'utf8');
}

function refused(why: string): GitHubInputError {
  return new GitHubInputError(`The plan comment artifact is refused: ${why}.`, 'The artifact comes from the pull request\'s run; nothing was posted.');
}
