// The hidden marker that makes a pull request comment tide's comment for one
// fleet: an HTML comment on the body's first line carrying, as JSON, the
// fleet, the plan hash and the commits planned. Finding the comment needs only
// the fleet; the rest is what a later run (apply on merge) reads back to know
// exactly which plan the reviewers saw.

export const MARKER_PREFIX = '<!-- tide:plan ';
const MARKER_SUFFIX = ' -->';

export interface PlanMarker {
  fleet: string;
  /** The plan hash (sha256 over operations and orphans); null when the fleet was invalid and nothing was planned. */
  hash: string | null;
  /** The commits planned: the commit whose files were read (the merge commit on a pull request), and the pull request's head and base. */
  commits: { planned: string; head: string | null; base: string | null };
  /** Review keys (plan/reviewed.ts: `site/x/delete#<digest>`) of the destructive operations the comment shows, every one of them: what apply on merge lets through. */
  destructive: string[];
  /** Set when the destructive ids did not fit in the marker (thousands of them): a reader must then treat every destructive operation as unseen. */
  destructiveOmitted?: true;
}

/** The marker line; `<`, `>` and `&` are JSON-escaped so no value can close the HTML comment. */
export function formatMarker(marker: PlanMarker): string {
  const json = JSON.stringify(marker).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${MARKER_PREFIX}${json}${MARKER_SUFFIX}`;
}

/** The marker of a comment body, or undefined when its first line is not a well-formed tide marker. */
export function parseMarker(body: string): PlanMarker | undefined {
  const firstLine = body.split('\n', 1)[0] ?? '';
  if (!firstLine.startsWith(MARKER_PREFIX) || !firstLine.endsWith(MARKER_SUFFIX)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(firstLine.slice(MARKER_PREFIX.length, -MARKER_SUFFIX.length));
  } catch {
    return undefined;
  }
  return isPlanMarker(value) ? value : undefined;
}

const isSha = (v: unknown): boolean => typeof v === 'string' && /^[0-9a-f]{40}$/.test(v);

function isPlanMarker(v: unknown): v is PlanMarker {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  const commits = m.commits as Record<string, unknown> | undefined;
  return (
    typeof m.fleet === 'string' &&
    (m.hash === null || (typeof m.hash === 'string' && /^[0-9a-f]{64}$/.test(m.hash))) &&
    typeof commits === 'object' &&
    commits !== null &&
    isSha(commits.planned) &&
    (commits.head === null || isSha(commits.head)) &&
    (commits.base === null || isSha(commits.base)) &&
    Array.isArray(m.destructive) &&
    m.destructive.every((id) => typeof id === 'string') &&
    (m.destructiveOmitted === undefined || m.destructiveOmitted === true)
  );
}
