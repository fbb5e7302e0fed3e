// The daemon's metrics, in Prometheus' text format through prom-client (the
// maintained client: it escapes label values, keeps histogram buckets
// cumulative and writes HELP/TYPE lines as the exposition format wants).
// Names follow Prometheus' conventions: `tide_` prefix, base units (seconds),
// `_total` for counters; labels take a handful of values each (result, kind,
// action), never a site or commit name, so a 10,000-site fleet does not make
// 10,000 series.

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface DaemonMetrics {
  reconciles: Counter<'result'>;
  operations: Counter<'kind' | 'action' | 'result'>;
  operationDuration: Histogram<'kind' | 'action'>;
  lastSuccessfulSync: Gauge;
  lastFetch: Gauge;
  fetches: Counter;
  fetchFailures: Counter;
  pendingOperations: Gauge;
  driftedSites: Gauge;
}

export function createMetrics(): { registry: Registry; metrics: DaemonMetrics } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tide_' });
  const registers = [registry];
  const metrics: DaemonMetrics = {
    reconciles: new Counter({ name: 'tide_reconciles_total', help: 'Reconciles that ran to an end, by result (applied, no-changes, planned, failed, error).', labelNames: ['result'], registers }),
    operations: new Counter({ name: 'tide_operations_total', help: 'Operations the daemon ran, by target kind, action and result (ok, rolled-back, failed, skipped).', labelNames: ['kind', 'action', 'result'], registers }),
    operationDuration: new Histogram({
      name: 'tide_operation_duration_seconds', help: 'How long operations took, by target kind and action.', labelNames: ['kind', 'action'], registers,
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
    }),
    lastSuccessfulSync: new Gauge({ name: 'tide_last_successful_sync_timestamp_seconds', help: 'When the servers last matched a commit of the tracked branch (Unix time).', registers }),
    lastFetch: new Gauge({ name: 'tide_last_fetch_timestamp_seconds', help: 'When the fleet repository was last fetched successfully (Unix time).', registers }),
    fetches: new Counter({ name: 'tide_fetches_total', help: 'Fetches of the fleet repository (polls, webhook and manual triggers), failed ones included.', registers }),
    fetchFailures: new Counter({ name: 'tide_fetch_failures_total', help: 'Fetches of the fleet repository that failed.', registers }),
    pendingOperations: new Gauge({ name: 'tide_pending_operations', help: 'Operations of the pending plan (auto-apply off) that wait to be applied.', registers }),
    driftedSites: new Gauge({ name: 'tide_drifted_sites', help: 'Sites the last verify found drifted from their recorded state.', registers }),
  };
  return { registry, metrics };
}

export function unixSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}
