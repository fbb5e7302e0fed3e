// One comment per pull request and fleet, kept up to date in place: found by
// its hidden marker (and written by us: a stranger can paste the marker into
// a comment of their own), edited when the body changed, left alone when it
// did not, created only when there is none. Never a second comment.

import type { GitHub } from './client.js';
import { parseMarker, type PlanMarker } from './marker.js';

export interface IssueRef {
  owner: string;
  repo: string;
  /** The pull request (or issue) number. */
  number: number;
}

export interface StickyComment {
  id: number;
  body: string;
  url: string;
  marker: PlanMarker;
}

export type StickyOutcome = 'created' | 'updated' | 'unchanged';

interface ApiComment {
  id: number;
  body?: string | null;
  html_url: string;
  user: { login: string } | null;
}

/** Whose comments count as ours: the token's account (`github-actions[bot]` for GITHUB_TOKEN). */
export const DEFAULT_COMMENT_AUTHOR = 'github-actions[bot]';

/** tide's comment for `fleet` on the pull request, if there is one (the oldest, should there be several). */
export async function findStickyComment(gh: GitHub, issue: IssueRef, fleet: string, author = DEFAULT_COMMENT_AUTHOR): Promise<StickyComment | undefined> {
  const comments = (await gh.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.number,
    per_page: 100,
  })) as ApiComment[];
  for (const comment of comments) {
    if (comment.user?.login !== author) continue;
    const marker = parseMarker(comment.body ?? '');
    if (marker?.fleet === fleet) return { id: comment.id, body: comment.body ?? '', url: comment.html_url, marker };
  }
  return undefined;
}

/** Creates or edits tide's comment so its body is `body` (which starts with the fleet's marker); no request at all when it already is. */
export async function upsertStickyComment(
  gh: GitHub,
  issue: IssueRef,
  body: string,
  author = DEFAULT_COMMENT_AUTHOR,
): Promise<{ outcome: StickyOutcome; id: number; url: string }> {
  const marker = parseMarker(body);
  if (!marker) throw new Error('a sticky comment body must start with its tide marker');
  const existing = await findStickyComment(gh, issue, marker.fleet, author);
  if (existing && existing.body === body) return { outcome: 'unchanged', id: existing.id, url: existing.url };
  if (existing) {
    const { data } = await gh.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: issue.owner,
      repo: issue.repo,
      comment_id: existing.id,
      body,
    });
    return { outcome: 'updated', id: Number(data.id), url: data.html_url };
  }
  const { data } = await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.number,
    body,
  });
  return { outcome: 'created', id: Number(data.id), url: data.html_url };
}
