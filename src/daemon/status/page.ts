// The daemon's status page (`GET /`): servers, platforms and sites with their
// status and last operation, the pending plan, drift, recent operations and,
// on request, one operation's redacted log. Server-rendered with handlebars,
// no script and no external asset; everything shown comes from the fleet
// repository or the state branch, which strangers may write, so every value
// is escaped and the response forbids anything the page does not need.

import type { IncomingMessage, ServerResponse } from 'node:http';
import Handlebars from 'handlebars';
import type { Plan } from '../../model/plan.js';
import type { RecordedStateCache } from '../recorded.js';
import { recentRecords, recordWithLog } from './operations.js';
import { STATUS_TEMPLATE } from './template.js';
import { parseQuery, SiteIndex, statusView, type StatusInput, type StatusQuery } from './view.js';

export const RECENT_OPERATIONS = 20;

/** What the page shows, as the daemon knows it. */
export interface StatusSource {
  repoDir: string;
  /** The fleet's name and state branch (from the fleet the daemon loaded last). */
  fleet(): { name: string; branch: string };
  recorded: RecordedStateCache;
  /** The plan waiting to be applied (auto-apply off), or null. */
  pendingPlan(): Plan | null;
  /** Facts shown at the top: tracked branch and commit, last sync, next poll... */
  facts?(): [string, string][];
}

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  // Inline style only; no script, image, frame, form target elsewhere or base change.
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const template = Handlebars.create().compile(STATUS_TEMPLATE);

/** The page's HTML for what the daemon knows and what the request asks. */
export function renderStatus(input: StatusInput, query: StatusQuery): string {
  return template(statusView(input, query));
}

export class StatusPage {
  /** Built once per state commit: the sorted, searchable sites and the newest records (a request then reads no git). */
  private index: SiteIndex | undefined;
  private recent: { commit: string; entries: StatusInput['recent'] } | undefined;

  constructor(private readonly source: StatusSource) {}

  /** The page for `url` (path and query of the request). */
  async render(url: URL, now = new Date()): Promise<string> {
    const query = parseQuery(url.searchParams);
    const { name, branch } = this.source.fleet();
    const state = await this.source.recorded.read(branch);
    if (this.index?.commit !== state.commit) this.index = new SiteIndex(state.commit, state);
    const commit = state.commit;
    let detail: StatusInput['detail'] = null;
    if (commit && (query.op || query.cron)) {
      const found = await recordWithLog(this.source.repoDir, commit, query.op ? { id: query.op } : { cronOf: query.cron! });
      const title = query.op ? `Operation ${query.op}` : `Latest cron run of ${query.cron}`;
      detail = found ? { title, ...found } : { title, record: { unreadable: 'no such record on the state branch' }, log: null };
    }
    const input: StatusInput = {
      fleet: name, state, index: this.index, plan: this.source.pendingPlan(),
      recent: commit ? await this.recentAt(commit) : [],
      detail, facts: this.source.facts?.() ?? [], renderedAt: now,
    };
    return renderStatus(input, query);
  }

  private async recentAt(commit: string): Promise<StatusInput['recent']> {
    if (this.recent?.commit !== commit) this.recent = { commit, entries: await recentRecords(this.source.repoDir, commit, RECENT_OPERATIONS) };
    return this.recent.entries;
  }

  /** The HTTP handler for `GET /` (HEAD too); the daemon's server routes to it. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
      return;
    }
    const html = await this.render(new URL(req.url ?? '/', 'http://status.invalid'));
    res.writeHead(200, { ...HEADERS, 'Content-Length': Buffer.byteLength(html) });
    res.end(req.method === 'HEAD' ? undefined : html);
  }
}
