// When a scheduled job runs. Each job (a site's cron, a site's backups, a
// server's verify) has fixed slots: every `interval` from an offset of its
// own, derived from its key by hashing, so the runs of a fleet are spread
// over the interval instead of all falling on the same tick, and the same on
// every restart and every machine. A job is due when a slot has passed since
// its last run; a job that never ran counts from when the scheduler started
// (so starting a daemon does not run everything at once). After downtime a
// missed slot runs at the first tick, once.

import { createHash } from 'node:crypto';
import ms from 'ms';
import { TideError } from '../../errors.js';

/** A fleet duration (`30m`, `1h`, `1d`, `2w`; the schema's `duration`) in milliseconds. */
export function intervalMs(duration: string): number {
  // The schema allows only /^[1-9][0-9]*[mhdw]$/; ms reads those units the same way.
  const value = /^[1-9][0-9]*[mhdw]$/.test(duration) ? ms(duration as ms.StringValue) : undefined;
  if (value === undefined || !Number.isFinite(value) || value <= 0) {
    throw new TideError('SCHEDULE_INTERVAL_INVALID', `'${duration}' is not an interval tide can schedule (a whole number followed by m, h, d or w, such as 30m or 1d).`);
  }
  return value;
}

/** The job's fixed offset within its interval: the same for the same key, spread evenly over keys. */
export function slotOffset(key: string, interval: number): number {
  const hash = createHash('sha256').update(key).digest();
  return Number(hash.readBigUInt64BE(0) % BigInt(interval));
}

/** The latest slot at or before `now`. */
export function lastSlot(now: number, interval: number, offset: number): number {
  return Math.floor((now - offset) / interval) * interval + offset;
}

export interface Schedule {
  /** Identifies the job (`cron site blog.example.com`): its offset comes from it. */
  key: string;
  interval: number;
}

/** Whether the job is due at `now`: a slot has passed since its last run (or, never run, since `since`). */
export function isDue(schedule: Schedule, now: number, lastRun: number | undefined, since: number): boolean {
  const slot = lastSlot(now, schedule.interval, slotOffset(schedule.key, schedule.interval));
  return slot > (lastRun ?? since) && slot <= now;
}

/** When the job runs next after `now` (for the status page). */
export function nextRun(schedule: Schedule, now: number, lastRun: number | undefined, since: number): number {
  if (isDue(schedule, now, lastRun, since)) return now;
  return lastSlot(now, schedule.interval, slotOffset(schedule.key, schedule.interval)) + schedule.interval;
}
