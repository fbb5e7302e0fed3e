// Where things live on the state branch (DESIGN.md "Recorded state").

export const STATE_DIR = 'state';
export const SERVERS_DIR = `${STATE_DIR}/servers`;
export const PLATFORMS_DIR = `${STATE_DIR}/platforms`;
export const SITES_DIR = `${STATE_DIR}/sites`;
export const DELETED_SITES_DIR = `${STATE_DIR}/deleted-sites`;
export const OPERATIONS_DIR = 'operations';

export const serverStatePath = (name: string): string => `${SERVERS_DIR}/${name}.json`;
export const platformStatePath = (name: string): string => `${PLATFORMS_DIR}/${name}.json`;
export const siteStatePath = (name: string): string => `${SITES_DIR}/${name}.json`;
export const deletedSiteStatePath = (name: string): string => `${DELETED_SITES_DIR}/${name}.json`;

/** The refs a state branch may be found at, local first, then as fetched from origin. */
export function stateRefCandidates(branch: string): string[] {
  return [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`];
}

/** How every JSON file on the state branch is written: two-space indent, final newline (diffs read well). */
export function stateJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The latest scheduled cron run of each site (its record and log), replaced by
 * every run: cron runs often, and one record per run would drown the branch.
 * A failed run also keeps its own record under operations/YYYY-MM/.
 */
export const CRON_RUNS_DIR = `${OPERATIONS_DIR}/cron`;
export const cronRunPaths = (site: string): { json: string; log: string } => ({ json: `${CRON_RUNS_DIR}/${site}.json`, log: `${CRON_RUNS_DIR}/${site}.log` });
