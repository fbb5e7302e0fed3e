// What the status page shows, as plain strings and numbers (the template
// only places them; handlebars escapes every one). Sites are searched and
// paged here: the sorted list and each site's search text are built once per
// state commit (SiteIndex), so a request at 10,000 sites filters strings and
// renders one page of rows.

import { summarySentence, isBlocked } from '../../plan/render/labels.js';
import type { Plan } from '../../model/plan.js';
import { redactor } from '../../redact.js';
import type { LastOperation, RecordedSite, RecordedState } from '../../state/types.js';
import type { RecordEntry } from './operations.js';

export const PAGE_SIZE = 50;
const MAX_QUERY = 200;
const MAX_DRIFT_SHOWN = 100;

export interface StatusQuery {
  /** Search text: sites whose name, url, aliases, platform, server, client or status contain it. */
  q: string;
  /** 1-based. */
  page: number;
  /** Only sites with drift. */
  drifted: boolean;
  /** Show this operation record with its log. */
  op?: string;
  /** Show this site's latest cron run with its log. */
  cron?: string;
}

export function parseQuery(search: URLSearchParams): StatusQuery {
  const page = Number.parseInt(search.get('page') ?? '1', 10);
  const op = search.get('op');
  const cron = search.get('cron');
  return {
    q: (search.get('q') ?? '').trim().slice(0, MAX_QUERY),
    page: Number.isFinite(page) && page > 0 ? page : 1,
    drifted: search.get('drifted') === '1',
    ...(op ? { op: op.slice(0, MAX_QUERY) } : {}),
    ...(cron ? { cron: cron.slice(0, MAX_QUERY) } : {}),
  };
}

/** Sites sorted by name with their search text, for one state commit. */
export class SiteIndex {
  readonly sites: RecordedSite[];
  private readonly haystacks: string[];

  constructor(readonly commit: string | null, state: RecordedState) {
    this.sites = [...state.sites.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.haystacks = this.sites.map((s) => [s.name, s.url, ...s.aliases, s.platform, s.server, s.client ?? '', s.status].join(' ').toLowerCase());
  }

  filter(query: Pick<StatusQuery, 'q' | 'drifted'>): RecordedSite[] {
    const needle = query.q.toLowerCase();
    if (!needle && !query.drifted) return this.sites;
    return this.sites.filter((s, i) => (!needle || this.haystacks[i]!.includes(needle)) && (!query.drifted || (s.drift?.length ?? 0) > 0));
  }
}

export interface StatusInput {
  fleet: string;
  state: RecordedState;
  index: SiteIndex;
  plan: Plan | null;
  recent: RecordEntry[];
  detail: { title: string; record: RecordEntry['record']; log: string | null } | null;
  /** Facts the daemon shows at the top (tracked commit, last sync, ...). */
  facts: [string, string][];
  renderedAt: Date;
}

const when = (iso: string | undefined): string => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');

function lastOp(last: LastOperation | undefined) {
  if (!last) return null;
  return { text: `${last.action} ${last.status}`, at: when(last.at), ok: last.status === 'ok', link: `?op=${encodeURIComponent(last.id)}` };
}

function pageLink(query: StatusQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.drifted) params.set('drifted', '1');
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '?';
}

function recordSummary(entry: RecordEntry) {
  const r = entry.record;
  if ('unreadable' in r) return { id: entry.id, link: `?op=${encodeURIComponent(entry.id)}`, action: '?', target: '', server: '', status: 'unreadable', ok: false, at: entry.id.slice(0, 16) };
  if ('verify' in r) return { id: entry.id, link: `?op=${encodeURIComponent(entry.id)}`, action: 'verify', target: 'fleet', server: '', status: r.verify.summary, ok: r.verify.findings.length === 0, at: when(r.verify.finishedAt) };
  return {
    id: entry.id, link: `?op=${encodeURIComponent(entry.id)}`, action: r.action, target: `${r.target.kind} ${r.target.name}`, server: r.server,
    status: r.status, ok: r.status === 'ok', at: when(r.finishedAt ?? r.startedAt),
  };
}

export function statusView(input: StatusInput, query: StatusQuery) {
  const { state, index } = input;
  const matching = index.filter(query);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const drifted = [
    ...[...state.servers.values()].filter((s) => s.reachable === false).map((s) => ({ kind: 'server', name: s.name, drift: 'unreachable at the last verify' })),
    ...[...state.platforms.values()].filter((p) => p.drift?.length).map((p) => ({ kind: 'platform', name: p.name, drift: p.drift!.join('; ') })),
    ...index.sites.filter((s) => s.drift?.length).map((s) => ({ kind: 'site', name: s.name, drift: s.drift!.join('; ') })),
  ];
  const plan = input.plan;
  return {
    fleet: input.fleet,
    facts: [...input.facts, ['state branch', `${state.branch}${state.commit ? ` at ${state.commit.slice(0, 12)}` : ' (nothing recorded yet)'}`], ['page rendered', when(input.renderedAt.toISOString())]]
      // A fetch error may quote a URL: secrets never reach the page.
      .map(([label, value]) => ({ label, value: redactor.redact(value ?? '') })),
    counts: { servers: state.servers.size, platforms: state.platforms.size, sites: state.sites.size, drifted: drifted.length },
    servers: [...state.servers.values()].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({
      name: s.name, where: s.transport === 'ssh' ? `${s.user ?? 'root'}@${s.host}:${s.port}` : 'local',
      status: s.reachable === false ? 'unreachable' : s.reachable ? 'reachable' : 'not verified', ok: s.reachable !== false,
      verified: when(s.verifiedAt), last: lastOp(s.lastOperation),
    })),
    platforms: [...state.platforms.values()].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({
      name: p.name, driver: p.driver, servers: Object.keys(p.deployments).sort().join(', '), drift: p.drift?.length ?? 0, last: lastOp(p.lastOperation),
    })),
    search: { q: query.q, drifted: query.drifted, matching: matching.length, total: index.sites.length },
    sites: shown.map((s) => ({
      name: s.name, url: s.url, status: s.status, ok: s.status === 'enabled', platform: s.platform, server: s.server,
      cron: s.cron ?? '', cronLink: s.cron ? `?cron=${encodeURIComponent(s.name)}` : null,
      backups: s.backupPolicy ? `${s.backups?.length ?? 0} (every ${s.backupPolicy.every}, keep ${s.backupPolicy.keep})` : String(s.backups?.length ?? 0),
      drift: s.drift?.join('; ') ?? '', last: lastOp(s.lastOperation),
    })),
    paging: {
      page, pages,
      prev: page > 1 ? pageLink(query, page - 1) : null,
      next: page < pages ? pageLink(query, page + 1) : null,
    },
    plan: plan && {
      summary: summarySentence(plan),
      desired: plan.desired.commit ? plan.desired.commit.slice(0, 12) : 'work tree',
      operations: plan.operations.map((o) => ({
        action: o.action, target: `${o.target.kind} ${o.target.name}`, server: o.server, reason: o.reason,
        blocked: isBlocked(o) ? o.blockers.map((b) => b.message).join('; ') : '', destructive: o.destructive,
      })),
    },
    drift: { items: drifted.slice(0, MAX_DRIFT_SHOWN), more: Math.max(0, drifted.length - MAX_DRIFT_SHOWN) },
    // Ids sort by their second only (a random part follows): order by when each ended.
    recent: input.recent.map(recordSummary).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)),
    detail: input.detail && detailView(input.detail),
  };
}

function detailView(detail: NonNullable<StatusInput['detail']>) {
  const r = detail.record;
  // Logs were redacted when written; a secret registered since (or a forged log) is caught here too.
  const log = detail.log === null ? null : redactor.redact(detail.log);
  if ('unreadable' in r) return { title: detail.title, unreadable: redactor.redact(r.unreadable), log, fields: [], tasks: [] };
  if ('verify' in r) {
    const fields = [['action', 'verify (fleet)'], ['result', r.verify.summary], ['started', when(r.verify.startedAt)], ['finished', when(r.verify.finishedAt)],
      ...r.verify.findings.map((f) => ['drift', f])];
    return { title: detail.title, unreadable: null, log, fields: fields.map(([label, value]) => ({ label, value })), tasks: [] };
  }
  return {
    title: detail.title, unreadable: null, log,
    fields: [
      ['action', r.action], ['target', `${r.target.kind} ${r.target.name}`], ['server', r.server], ['status', r.status], ['reason', r.reason],
      ['started', when(r.startedAt)], ['finished', when(r.finishedAt)], ['desired commit', r.desiredCommit ?? ''], ['error', r.error ? redactor.redact(r.error) : ''],
    ].filter(([, v]) => v).map(([label, value]) => ({ label, value })),
    tasks: r.tasks.map((t) => ({ name: t.name, status: t.status })),
  };
}

export type StatusView = ReturnType<typeof statusView>;
