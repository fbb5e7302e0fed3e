// The commit status branch protection can require (`tide/plan`). GitHub keeps
// every status ever posted, so an identical one is not posted again.

import type { GitHub } from './client.js';

export type StatusState = 'success' | 'failure' | 'error' | 'pending';

export interface CommitStatus {
  owner: string;
  repo: string;
  sha: string;
  context: string;
  state: StatusState;
  /** GitHub keeps 140 characters. */
  description: string;
  targetUrl?: string;
}

export const MAX_STATUS_DESCRIPTION = 140;

/** Sets the status unless the latest one for its context already says the same; true when it posted. */
export async function setCommitStatus(gh: GitHub, status: CommitStatus): Promise<boolean> {
  const description = clip(status.description, MAX_STATUS_DESCRIPTION);
  // Newest first; the first page holds the latest status of every context tide sets.
  const { data: existing } = await gh.request('GET /repos/{owner}/{repo}/commits/{ref}/statuses', {
    owner: status.owner,
    repo: status.repo,
    ref: status.sha,
    per_page: 100,
  });
  const latest = existing.find((s) => s.context === status.context);
  if (latest && latest.state === status.state && latest.description === description && (latest.target_url ?? undefined) === status.targetUrl) {
    return false;
  }
  await gh.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
    owner: status.owner,
    repo: status.repo,
    sha: status.sha,
    context: status.context,
    state: status.state,
    description,
    ...(status.targetUrl === undefined ? {} : { target_url: status.targetUrl }),
  });
  return true;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
