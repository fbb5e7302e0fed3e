// When each scheduled job last ran, so that a restarted daemon picks up where
// the last one stopped. A job this scheduler ran counts from the tick that ran
// it (its slot is then covered, however long the run took). Otherwise the
// state branch tells: cron runs from their one-per-site records
// (operations/cron/, read once at start), backups from the site's newest
// backup, verifies from the server's verifiedAt (a `tide backup` or `tide
// verify` by hand counts too, until the scheduler runs the job itself). A
// verify that found nothing is not recorded (it adds nothing to the branch),
// so a restart may verify once more than needed. The state branch may be
// forged: a time in the future counts as now.

import { readFilesAt, resolveFirstRef } from '../../repo/git.js';
import { CRON_RUNS_DIR, stateRefCandidates } from '../../state/layout.js';
import { parseStateFile } from '../../state/reader.js';
import type { RecordedState } from '../../state/types.js';
import { jobKey, type Job } from './jobs.js';

export class LastRuns {
  private readonly ran = new Map<string, number>();
  /** Jobs this scheduler ran itself: their tick time is what counts. */
  private readonly self = new Set<string>();

  /** Reads the latest cron runs from the state branch. */
  static async load(repoDir: string, branch: string): Promise<LastRuns> {
    const runs = new LastRuns();
    const tip = resolveFirstRef(repoDir, stateRefCandidates(branch));
    if (!tip) return runs;
    const files = await readFilesAt(repoDir, tip.commit, CRON_RUNS_DIR, { enter: () => false, take: (_p, name) => name.endsWith('.json') });
    for (const file of files) {
      const record = parseStateFile<{ target: { kind: string; name: string }; startedAt: string }>(file.path, file.text, 'state-operation.schema.json', tip.commit);
      if (record.target.kind !== 'site' || file.path !== `${CRON_RUNS_DIR}/${record.target.name}.json`) continue;
      runs.ran.set(jobKey('cron', record.target.name), Date.parse(record.startedAt));
    }
    return runs;
  }

  /** The scheduler ran the job at the tick `at`. */
  noteRun(job: Pick<Job, 'key'>, at: number): void {
    this.ran.set(job.key, at);
    this.self.add(job.key);
  }

  /** The job's last run, never later than `now`; undefined when it never ran. */
  of(job: Job, recorded: RecordedState, now: number): number | undefined {
    const at = this.self.has(job.key) ? this.ran.get(job.key) : (this.ran.get(job.key) ?? recordedRun(job, recorded));
    return at === undefined || !Number.isFinite(at) ? undefined : Math.min(at, now);
  }
}

function recordedRun(job: Job, recorded: RecordedState): number | undefined {
  if (job.kind === 'backup') {
    const backups = recorded.sites.get(job.target)?.backups ?? [];
    return backups.length ? Math.max(...backups.map((b) => Date.parse(b.at))) : undefined;
  }
  if (job.kind === 'verify') {
    const at = recorded.servers.get(job.target)?.verifiedAt;
    return at ? Date.parse(at) : undefined;
  }
  return undefined;
}
