// The scheduler's clock arithmetic: intervals as the fleet writes them,
// offsets spread over the interval, and when a job is due (after a restart too).

import { describe, expect, it } from 'vitest';
import { intervalMs, isDue, lastSlot, nextRun, slotOffset } from '../../src/daemon/schedules/slots.js';
import { TideError } from '../../src/errors.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('intervals', () => {
  it('reads the fleet duration units (m, h, d, w)', () => {
    expect(intervalMs('30m')).toBe(30 * MINUTE);
    expect(intervalMs('1h')).toBe(HOUR);
    expect(intervalMs('1d')).toBe(24 * HOUR);
    expect(intervalMs('2w')).toBe(14 * 24 * HOUR);
  });

  it('refuses what the schema refuses, with a typed error', () => {
    for (const bad of ['', '0m', '1s', '1y', '1.5h', ' 1h', '1 h', '1hour', '-1h']) expect(() => intervalMs(bad), bad).toThrow(TideError);
  });
});

describe('slots', () => {
  it('gives each job the same offset every time, within the interval', () => {
    expect(slotOffset('cron site a.example.com', HOUR)).toBe(slotOffset('cron site a.example.com', HOUR));
    for (let i = 0; i < 100; i++) {
      const offset = slotOffset(`cron site s${i}.example.com`, HOUR);
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThan(HOUR);
    }
  });

  it('spreads 1,000 sites over the interval instead of one moment', () => {
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 1000; i++) buckets[Math.floor(slotOffset(`cron site s${i}.example.com`, HOUR) / (HOUR / 10))]++;
    // Uniform: 100 a bucket; a bucket with under 60 or over 140 would mean clumping.
    for (const n of buckets) expect(n).toBeGreaterThan(60), expect(n).toBeLessThan(140);
  });

  it('finds the latest slot at or before now', () => {
    expect(lastSlot(10 * HOUR + 5 * MINUTE, HOUR, 7 * MINUTE)).toBe(9 * HOUR + 7 * MINUTE);
    expect(lastSlot(10 * HOUR + 7 * MINUTE, HOUR, 7 * MINUTE)).toBe(10 * HOUR + 7 * MINUTE);
  });
});

describe('due', () => {
  const job = { key: 'cron site a.example.com', interval: HOUR };
  const offset = slotOffset(job.key, HOUR);
  const slot = 100 * HOUR + offset;

  it('is due once its slot has passed since the last run, and not again until the next', () => {
    expect(isDue(job, slot - 1, slot - HOUR, 0)).toBe(false);
    expect(isDue(job, slot, slot - HOUR, 0)).toBe(true);
    expect(isDue(job, slot + 10 * MINUTE, slot - HOUR, 0)).toBe(true);
    expect(isDue(job, slot + 10 * MINUTE, slot + 1, 0)).toBe(false);
    expect(nextRun(job, slot + 10 * MINUTE, slot + 1, 0)).toBe(slot + HOUR);
  });

  it('counts a job that never ran from when the scheduler started: a start runs nothing at once', () => {
    expect(isDue(job, slot - 1, undefined, slot - 2)).toBe(false);
    expect(isDue(job, slot, undefined, slot - 2)).toBe(true);
    expect(isDue(job, slot + 1, undefined, slot + 0.5)).toBe(false);
  });

  it('after downtime that missed slots, runs once at the first tick (not once per missed slot)', () => {
    const lastRun = slot - 5 * HOUR;
    expect(isDue(job, slot + 1, lastRun, slot)).toBe(true);
    // Having run at slot + 1, nothing is due until the next slot.
    expect(isDue(job, slot + 2, slot + 1, slot)).toBe(false);
  });
});
