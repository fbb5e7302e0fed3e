// The plan: what apply will do, in order, and why. Its JSON form is described
// by schemas/plan.schema.json; bump PLAN_FORMAT_VERSION on any breaking change.
// It lives down here, with the model, because plan/ builds it and operations/
// (below plan/) runs it: imports only point down.

export const PLAN_FORMAT_VERSION = 1;

export type TargetKind = 'server' | 'platform' | 'site';

export type Action =
  | 'verify'
  | 'deploy'
  | 'install'
  | 'clone'
  | 'migrate'
  | 'rename'
  | 'disable'
  | 'enable'
  | 'delete';

/** One field that differs between what was recorded and what is desired. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Something a destructive operation removes for good (after its backup), as the plan shows it. */
export interface Removal {
  what: 'directory' | 'database' | 'database user';
  /** The server it is on (a migrate removes the old copy on the server the site leaves). */
  server: string;
  /** The path, or the database or user name. */
  name: string;
}

/** Why an operation cannot run; a blocked operation (and its dependants) is skipped. */
export interface Blocker {
  code: string;
  message: string;
}

export interface Operation {
  /** Stable, unique within a plan: `<kind>/<name>/<action>[@server]`. */
  id: string;
  action: Action;
  target: { kind: TargetKind; name: string };
  /** The server the operation runs on. */
  server: string;
  /** One sentence for humans. */
  reason: string;
  changes: FieldChange[];
  /** Ids of operations that must finish first. */
  dependsOn: string[];
  blockers: Blocker[];
  warnings: string[];
  /** Removes or overwrites data (a backup is always taken first). */
  destructive: boolean;
  /** What a destructive operation removes for good, derived as apply derives it. */
  removes?: Removal[];
  /** Only there to repair drift a verify recorded; nothing in the fleet changed (the daemon heals only with selfHeal). */
  repair?: true;
}

/** Something recorded that the fleet no longer describes and tide leaves alone. */
export interface Orphan {
  target: { kind: TargetKind; name: string };
  server: string | null;
  reason: string;
}

export interface PlanSummary {
  operations: number;
  byAction: Partial<Record<Action, number>>;
  blocked: number;
  orphans: number;
}

export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  fleet: string;
  desired: { commit: string | null; digest: string };
  state: { branch: string; commit: string | null };
  operations: Operation[];
  orphans: Orphan[];
  summary: PlanSummary;
  /** sha256 over operations and orphans: equal hashes mean the same work. */
  hash: string;
}
