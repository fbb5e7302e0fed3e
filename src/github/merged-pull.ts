// The pull request a push to the default branch merged: GitHub lists the pull
// requests a commit belongs to (commits/{sha}/pulls). A merge commit, a
// squash or a rebase all name the merged pull request there; a push straight
// to the branch names none, and then nobody reviewed anything.

import type { GitHub } from './client.js';
import type { RepoRef } from './context.js';

export interface MergedPull {
  number: number;
  url: string;
}

interface ApiPull {
  number: number;
  html_url: string;
  merged_at: string | null;
  merge_commit_sha: string | null;
  base: { ref: string };
}

export async function mergedPullRequest(gh: GitHub, repo: RepoRef, sha: string, defaultBranch: string): Promise<MergedPull | undefined> {
  const { data } = await gh.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...repo, commit_sha: sha, per_page: 100 });
  const merged = (data as ApiPull[]).filter((p) => p.merged_at !== null && p.base.ref === defaultBranch);
  // The one this commit merged, else the last merged that contains it (a rebase merge's earlier commits).
  const pick = merged.find((p) => p.merge_commit_sha === sha) ?? merged.sort((a, b) => String(b.merged_at).localeCompare(String(a.merged_at)))[0];
  return pick ? { number: pick.number, url: pick.html_url } : undefined;
}
