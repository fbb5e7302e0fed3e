// A stand-in for GitHub's REST API on 127.0.0.1, for running the bundled
// action as a runner would. Repositories are real bare git repositories: a
// pull request's head is whatever refs/pull/N/head points at there (as on
// GitHub), and a status can only be set on a commit the repository has.
// Tokens carry permissions the way GITHUB_TOKEN does: a request without the
// permission gets GitHub's 403 with its x-accepted-github-permissions header.
// Every request is logged, so tests can check that a run wrote nothing.

import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Level = 'read' | 'write';
export type Permission = 'contents' | 'pull_requests' | 'issues' | 'statuses' | 'actions';

export interface FakeToken {
  login: string;
  permissions: Partial<Record<Permission, Level>>;
}

export interface LoggedRequest {
  method: string;
  path: string;
  login: string | null;
  status: number;
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
  html_url: string;
}

export interface FakeStatus {
  id: number;
  state: string;
  description: string | null;
  context: string;
  target_url: string | null;
  created_at: string;
}

export interface FakePullRequest {
  number: number;
  /** owner/name of the repository the head branch lives in (a fork's own name for a fork). */
  headRepo: string;
  headRef: string;
  baseRef: string;
  state: 'open' | 'closed';
  merged: boolean;
  /** Once merged: the commit the merge made on the base branch (GitHub's merge_commit_sha). */
  mergeCommitSha?: string;
  mergedAt?: string;
}

interface FakeRepo {
  fullName: string;
  /** The bare repository GitHub would hold. */
  gitDir: string;
  defaultBranch: string;
  pulls: Map<number, FakePullRequest>;
  comments: Map<number, FakeComment[]>;
  statuses: Map<string, FakeStatus[]>;
  runs: Map<number, Record<string, unknown>>;
}

interface Injected {
  status: number;
  message: string;
  headers: Record<string, string>;
}

const READ_ONLY: FakeToken['permissions'] = { contents: 'read', pull_requests: 'read', statuses: 'read', actions: 'read' };

export class FakeGitHub {
  readonly requests: LoggedRequest[] = [];
  private readonly repos = new Map<string, FakeRepo>();
  private readonly tokens = new Map<string, FakeToken>();
  private readonly injected: Injected[] = [];
  private nextId = 1000;
  private server!: Server;
  url = '';

  static async start(): Promise<FakeGitHub> {
    const fake = new FakeGitHub();
    fake.server = createServer((req, res) => {
      fake.handle(req, res).catch((error: unknown) => fake.send(req, res, 500, { message: String(error) }));
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A token; by default the GITHUB_TOKEN of a same-repository pull_request run (comments and statuses writable). */
  addToken(token: string, login = 'github-actions[bot]', permissions: FakeToken['permissions'] = { contents: 'read', pull_requests: 'write', statuses: 'write', actions: 'read' }): void {
    this.tokens.set(token, { login, permissions });
  }

  /** The read-only token a fork's pull_request run gets. */
  addReadOnlyToken(token: string): void {
    this.tokens.set(token, { login: 'github-actions[bot]', permissions: READ_ONLY });
  }

  /** Serves `fullName` from the bare repository `gitDir`. */
  addRepo(fullName: string, gitDir: string, defaultBranch = 'main'): void {
    this.repos.set(fullName, { fullName, gitDir, defaultBranch, pulls: new Map(), comments: new Map(), statuses: new Map(), runs: new Map() });
  }

  addPullRequest(fullName: string, pr: Omit<FakePullRequest, 'state' | 'merged'> & Partial<FakePullRequest>): void {
    this.repo(fullName).pulls.set(pr.number, { state: 'open', merged: false, ...pr });
  }

  /** A workflow run as GET /repos/{owner}/{repo}/actions/runs/{id} returns it. */
  addWorkflowRun(fullName: string, run: { id: number } & Record<string, unknown>): void {
    this.repo(fullName).runs.set(run.id, run);
  }

  /** A comment written by someone else (e.g. a stranger pasting tide's marker). */
  addComment(fullName: string, number: number, login: string, body: string): FakeComment {
    return this.storeComment(this.repo(fullName), number, login, body);
  }

  /** The next `count` requests are answered with this error (rate limits, outages). */
  failNext(count: number, status: number, message: string, headers: Record<string, string> = {}): void {
    for (let i = 0; i < count; i++) this.injected.push({ status, message, headers });
  }

  /** Marks pull request `number` merged by `mergeCommitSha` (the commit now on its base branch). */
  mergePullRequest(fullName: string, number: number, mergeCommitSha: string): void {
    const pr = this.repo(fullName).pulls.get(number);
    if (!pr) throw new Error(`fake GitHub has no pull request ${number}`);
    Object.assign(pr, { state: 'closed', merged: true, mergeCommitSha, mergedAt: new Date().toISOString() });
  }

  comments(fullName: string, number: number): FakeComment[] {
    return this.repo(fullName).comments.get(number) ?? [];
  }

  /** Statuses of a commit, newest first (as GitHub lists them). */
  statuses(fullName: string, sha: string): FakeStatus[] {
    return [...(this.repo(fullName).statuses.get(sha) ?? [])].reverse();
  }

  /** Requests that could change something (not GET). */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  private repo(fullName: string): FakeRepo {
    const repo = this.repos.get(fullName);
    if (!repo) throw new Error(`fake GitHub has no repository ${fullName}`);
    return repo;
  }

  private storeComment(repo: FakeRepo, number: number, login: string, body: string): FakeComment {
    const now = new Date().toISOString();
    const id = this.nextId++;
    const comment: FakeComment = {
      id, body, user: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }, created_at: now, updated_at: now,
      html_url: `https://github.test/${repo.fullName}/pull/${number}#issuecomment-${id}`,
    };
    repo.comments.set(number, [...(repo.comments.get(number) ?? []), comment]);
    return comment;
  }

  private send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, login: string | null = null): void {
    this.requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '', login, status });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', ...headers });
    res.end(status === 204 ? undefined : JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const input = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};

    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = auth === undefined ? undefined : this.tokens.get(auth);
    const login = token?.login ?? null;
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => this.send(req, res, status, body, headers, login);

    const injected = this.injected.shift();
    if (injected) return reply(injected.status, { message: injected.message }, injected.headers);
    if (!token) return reply(401, { message: 'Bad credentials' });

    const need = (permission: Permission, level: Level): boolean => {
      const has = token.permissions[permission];
      if (has === 'write' || has === level) return true;
      reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' }, { 'x-accepted-github-permissions': `${permission}=${level}` });
      return false;
    };

    const m = /^\/repos\/([^/]+\/[^/]+)(\/.*)$/.exec(url.pathname);
    const repo = m ? this.repos.get(decodeURIComponent(m[1]!)) : undefined;
    if (!m || !repo) return reply(404, { message: 'Not Found' });
    const path = m[2]!;
    let p: RegExpExecArray | null;

    if ((p = /^\/issues\/(\d+)\/comments$/.exec(path))) {
      const number = Number(p[1]);
      if (!repo.pulls.has(number)) return reply(404, { message: 'Not Found' });
      if (method === 'GET') {
        if (!need('pull_requests', 'read')) return;
        return this.page(req, res, url, login, repo.comments.get(number) ?? []);
      }
      if (method === 'POST') {
        if (!need('pull_requests', 'write')) return;
        if (typeof input.body !== 'string') return reply(422, { message: 'body is missing' });
        if (input.body.length > 65_536) return reply(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }] });
        return reply(201, this.storeComment(repo, number, token.login, input.body));
      }
    }
    if ((p = /^\/issues\/comments\/(\d+)$/.exec(path)) && method === 'PATCH') {
      if (!need('pull_requests', 'write')) return;
      const comment = [...repo.comments.values()].flat().find((c) => c.id === Number(p![1]));
      if (!comment) return reply(404, { message: 'Not Found' });
      if (typeof input.body !== 'string') return reply(422, { message: 'body is missing' });
      if (input.body.length > 65_536) return reply(422, { message: 'Validation Failed: body is too long (maximum is 65536 characters)' });
      comment.body = input.body;
      comment.updated_at = new Date().toISOString();
      return reply(200, comment);
    }
    if ((p = /^\/pulls\/(\d+)$/.exec(path)) && method === 'GET') {
      if (!need('pull_requests', 'read')) return;
      const pr = repo.pulls.get(Number(p[1]));
      if (!pr) return reply(404, { message: 'Not Found' });
      return reply(200, this.pullJson(repo, pr));
    }
    if ((p = /^\/commits\/([0-9a-f]{40})\/pulls$/.exec(path)) && method === 'GET') {
      if (!need('pull_requests', 'read')) return;
      // As GitHub: the merged pull request that brought the commit, or those whose head it is.
      const sha = p[1]!;
      const pulls = [...repo.pulls.values()].filter((pr) => pr.mergeCommitSha === sha || this.resolve(repo, `refs/pull/${pr.number}/head`) === sha);
      return this.page(req, res, url, login, pulls.map((pr) => this.pullJson(repo, pr)));
    }
    if ((p = /^\/statuses\/([0-9a-f]{40})$/.exec(path)) && method === 'POST') {
      if (!need('statuses', 'write')) return;
      if (!this.hasCommit(repo, p[1]!)) return reply(422, { message: `No commit found for SHA: ${p[1]}` });
      if (!['success', 'failure', 'error', 'pending'].includes(String(input.state))) return reply(422, { message: 'Validation Failed: state' });
      const list = repo.statuses.get(p[1]!) ?? [];
      const status: FakeStatus = {
        id: this.nextId++, state: String(input.state), context: String(input.context ?? 'default'),
        description: typeof input.description === 'string' ? input.description.slice(0, 140) : null,
        target_url: typeof input.target_url === 'string' ? input.target_url : null, created_at: new Date().toISOString(),
      };
      repo.statuses.set(p[1]!, [...list, status]);
      return reply(201, status);
    }
    if ((p = /^\/commits\/([^/]+)\/statuses$/.exec(path)) && method === 'GET') {
      if (!need('statuses', 'read')) return;
      const sha = this.resolve(repo, decodeURIComponent(p[1]!));
      return this.page(req, res, url, login, sha === undefined ? [] : this.statuses(repo.fullName, sha));
    }
    if ((p = /^\/actions\/runs\/(\d+)$/.exec(path)) && method === 'GET') {
      if (!need('actions', 'read')) return;
      const run = repo.runs.get(Number(p[1]));
      return run ? reply(200, run) : reply(404, { message: 'Not Found' });
    }
    return reply(404, { message: `fake GitHub does not serve ${method} ${path}` });
  }

  /** One page of `items`, with GitHub's Link header when there are more. */
  private page(req: IncomingMessage, res: ServerResponse, url: URL, login: string | null, items: unknown[]): void {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100);
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      next.searchParams.set('per_page', String(perPage));
      headers.link = `<${next.href}>; rel="next"`;
    }
    this.send(req, res, 200, slice, headers, login);
  }

  private pullJson(repo: FakeRepo, pr: FakePullRequest): Record<string, unknown> {
    const headSha = this.resolve(repo, `refs/pull/${pr.number}/head`);
    const baseSha = this.resolve(repo, `refs/heads/${pr.baseRef}`);
    return {
      number: pr.number,
      html_url: `https://github.test/${repo.fullName}/pull/${pr.number}`,
      state: pr.state,
      merged: pr.merged,
      merged_at: pr.mergedAt ?? null,
      merge_commit_sha: pr.mergeCommitSha ?? null,
      head: { ref: pr.headRef, sha: headSha, repo: { full_name: pr.headRepo } },
      base: { ref: pr.baseRef, sha: baseSha, repo: { full_name: repo.fullName } },
    };
  }

  private resolve(repo: FakeRepo, ref: string): string | undefined {
    try {
      return execFileSync('git', ['--git-dir', repo.gitDir, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
    } catch {
      return undefined;
    }
  }

  private hasCommit(repo: FakeRepo, sha: string): boolean {
    return this.resolve(repo, sha) === sha;
  }
}
