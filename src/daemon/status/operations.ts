// Operation records for the status page, read from the state branch without
// a checkout: the newest few (month directories newest first, ids sort by
// time), and one record with its log when asked for. Records come from a
// branch anyone with push access may write, so each is checked against its
// schema and an unreadable one is shown as such, never trusted.

import { withGitReader } from '../../repo/git-objects.js';
import type { GitReader } from '../../repo/git-objects.js';
import { CRON_RUNS_DIR, OPERATIONS_DIR } from '../../state/layout.js';
import { parseStateFile } from '../../state/reader.js';
import type { OperationRecord } from '../../apply/records.js';

/** What `tide verify` (or a scheduled verify) recorded: one record for the servers it looked at. */
export interface FleetVerifyRecord {
  verify: { startedAt: string; finishedAt: string; summary: string; findings: string[] };
}

export interface RecordEntry {
  id: string;
  /** The record, or why it cannot be shown. */
  record: OperationRecord | FleetVerifyRecord | { unreadable: string };
}

/** What an id must look like to name a record file (state-operation's recordId). */
const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const MONTH = /^\d{4}-\d\d$/;

/** The `limit` newest records on the branch at `commit` (cron's one-per-site records are not among them). */
export async function recentRecords(repoDir: string, commit: string, limit: number): Promise<RecordEntry[]> {
  return withGitReader(repoDir, async (git) => {
    const months = (await entries(git, `${commit}:${OPERATIONS_DIR}`)).filter((e) => e.kind === 'tree' && MONTH.test(e.name)).map((e) => e.name).sort().reverse();
    const found: { path: string; id: string }[] = [];
    for (const month of months) {
      const ids = (await entries(git, `${commit}:${OPERATIONS_DIR}/${month}`))
        .filter((e) => e.kind === 'file' && e.name.endsWith('.json')).map((e) => e.name.slice(0, -'.json'.length)).sort().reverse();
      for (const id of ids) {
        if (found.length >= limit) break;
        found.push({ id, path: `${OPERATIONS_DIR}/${month}/${id}.json` });
      }
      if (found.length >= limit) break;
    }
    return Promise.all(found.map(async ({ id, path }) => ({ id, record: await readRecord(git, commit, path) })));
  });
}

/** One record and its log: by id (`operations/YYYY-MM/ID`), or a site's latest cron run. */
export async function recordWithLog(repoDir: string, commit: string, which: { id: string } | { cronOf: string }): Promise<{ record: RecordEntry['record']; log: string | null } | null> {
  let base: string;
  if ('id' in which) {
    // The id starts with its time (20261123T101502Z-...): its month names the directory.
    const stamp = /^(\d{4})(\d\d)\d\dT/.exec(which.id);
    if (!RECORD_ID.test(which.id) || !stamp) return null;
    base = `${OPERATIONS_DIR}/${stamp[1]}-${stamp[2]}/${which.id}`;
  } else {
    if (!RECORD_ID.test(which.cronOf)) return null;
    base = `${CRON_RUNS_DIR}/${which.cronOf}`;
  }
  return withGitReader(repoDir, async (git) => {
    const json = await blob(git, `${commit}:${base}.json`);
    if (json === null) return null;
    return { record: parseOrWhy(`${base}.json`, json, commit), log: await blob(git, `${commit}:${base}.log`) };
  });
}

async function readRecord(git: GitReader, commit: string, path: string): Promise<RecordEntry['record']> {
  const text = await blob(git, `${commit}:${path}`);
  return text === null ? { unreadable: `${path} is not a file` } : parseOrWhy(path, text, commit);
}

function parseOrWhy(path: string, text: string, commit: string): RecordEntry['record'] {
  const verify = fleetVerify(text);
  if (verify) return verify;
  try {
    return parseStateFile<OperationRecord>(path, text, 'state-operation.schema.json', commit);
  } catch (error) {
    return { unreadable: (error as Error).message };
  }
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** A verify-fleet record (apply/verify.ts writes it), checked field by field; null for anything else. */
function fleetVerify(text: string): FleetVerifyRecord | null {
  let r: any;
  try {
    r = JSON.parse(text);
  } catch {
    return null;
  }
  if (r?.action !== 'verify-fleet' || !TIMESTAMP.test(r.startedAt) || !TIMESTAMP.test(r.finishedAt) || !Array.isArray(r.findings)) return null;
  const n = (v: unknown): number => (Number.isInteger(v) ? (v as number) : 0);
  const findings = r.findings.slice(0, 1000).map((f: any) => `${String(f?.kind)} ${String(f?.name)} on ${String(f?.server)}: ${Array.isArray(f?.drift) ? f.drift.map(String).join('; ') : ''}`);
  const summary = `${n(r.checked?.servers)} servers, ${n(r.checked?.platforms)} platform deployments, ${n(r.checked?.sites)} sites checked; ${findings.length ? `${findings.length} drifted` : 'no drift'}`;
  return { verify: { startedAt: r.startedAt, finishedAt: r.finishedAt, summary, findings } };
}

async function entries(git: GitReader, name: string) {
  const info = await git.lookup(name);
  return typeof info === 'object' && info.type === 'tree' ? git.tree(info.oid) : [];
}

/** A blob's text; null when there is none (or it is too large to show). */
async function blob(git: GitReader, name: string): Promise<string | null> {
  const info = await git.lookup(name);
  if (typeof info !== 'object' || info.type !== 'blob') return null;
  const { data } = await git.readBlobUpTo(info.oid, 4 * 1024 * 1024);
  return data ? data.toString('utf8') : null;
}
