// Timeout settings from the environment: a value that is not a number of
// seconds is an error, never a limit of 1 ms (or of NaN: no limit at all).

import { describe, expect, it } from 'vitest';
import { checkTimeoutSettings, commandTimeoutMs, formatLimit, ioTimeoutMs, TimeoutSettingError } from '../../src/transport/timeouts.js';

describe('timeout settings', () => {
  it('default to 120 s for tide’s own commands and 30 min for application commands', () => {
    expect(ioTimeoutMs({})).toBe(120_000);
    expect(commandTimeoutMs({})).toBe(1_800_000);
    expect(commandTimeoutMs({ TIDE_COMMAND_TIMEOUT_SECONDS: '' })).toBe(1_800_000);
  });

  it('take whole or decimal seconds', () => {
    expect(commandTimeoutMs({ TIDE_COMMAND_TIMEOUT_SECONDS: '90' })).toBe(90_000);
    expect(ioTimeoutMs({ TIDE_IO_TIMEOUT_SECONDS: '0.5' })).toBe(500);
  });

  it.each(['abc', '10s', '-5', '0', '1e3', 'Infinity', '0x10', '0.0001'])('refuses %j with a clear error', (value) => {
    const env = { TIDE_COMMAND_TIMEOUT_SECONDS: value };
    expect(() => commandTimeoutMs(env)).toThrow(TimeoutSettingError);
    expect(() => checkTimeoutSettings(env)).toThrow(`TIDE_COMMAND_TIMEOUT_SECONDS is ${JSON.stringify(value)}, not a number of seconds`);
  });

  it('says a limit the way people read it', () => {
    expect([formatLimit(500), formatLimit(2000), formatLimit(1_800_000), formatLimit(1500)]).toEqual(['500 ms', '2 s', '30 min', '1500 ms']);
  });
});
