// Package inventories printed by applications: strict parsing, stable order,
// errors that say where and what.

import { describe, expect, it } from 'vitest';
import { PackagesInvalidError } from '../../src/drivers/errors.js';
import { parsePackages } from '../../src/drivers/packages.js';
import { redactor } from '../../src/redact.js';

const source = { server: 'web1', command: 'php bin/packages.php' };

function problem(stdout: string): string {
  try {
    parsePackages(stdout, source);
  } catch (e) {
    expect(e).toBeInstanceOf(PackagesInvalidError);
    expect((e as PackagesInvalidError).code).toBe('PACKAGES_INVALID');
    expect((e as PackagesInvalidError).hint).toMatch(/JSON array/);
    return (e as Error).message;
  }
  throw new Error('parsed');
}

describe('parsePackages', () => {
  it('parses the documented shape, sorted by name, whitespace around it tolerated', () => {
    const stdout = `\n  [
      {"name": "views", "type": "module", "version": "2.1", "schema": 8004, "enabled": true},
      {"name": "Zeta", "type": "theme", "version": "", "schema": null},
      {"name": "app", "type": "app", "version": "1.0.0"}
    ]\n\n`;
    expect(parsePackages(stdout, source)).toEqual([
      { name: 'Zeta', type: 'theme', version: '', schema: null },
      { name: 'app', type: 'app', version: '1.0.0' },
      { name: 'views', type: 'module', version: '2.1', schema: 8004, enabled: true },
    ]);
  });

  it('keeps only the fields of the state schema', () => {
    expect(parsePackages('[{"name":"a","type":"lib","version":"1","description":"x","path":"/srv"}]', source)).toEqual([
      { name: 'a', type: 'lib', version: '1' },
    ]);
  });

  it('accepts an empty list', () => {
    expect(parsePackages('[]\n', source)).toEqual([]);
  });

  it('names the server and the command, and what is wrong', () => {
    expect(problem('')).toBe('The package list printed on web1 by `php bin/packages.php` is invalid: it printed nothing (expected a JSON array).');
    expect(problem('Warning: x\n[]')).toBe(
      'The package list printed on web1 by `php bin/packages.php` is invalid: stdout is not JSON (it begins "Warning: x\\n[]").',
    );
  });

  it('refuses anything beside the JSON on stdout', () => {
    expect(problem('[] done')).toMatch(/stdout is not JSON/);
    expect(problem('{"name":"a"}')).toMatch(/is JSON but not an array \(got an object\)/);
  });

  it('says which item is wrong and how', () => {
    expect(problem('[{"name":"a","type":"m","version":"1"}, 3]')).toMatch(/item 2 is not an object \(got 3\)/);
    expect(problem('[{"type":"m","version":"1"}]')).toMatch(/item 1 lacks name \(a non-empty string\)/);
    expect(problem('[{"name":"","type":"m","version":"1"}]')).toMatch(/item 1 lacks name/);
    expect(problem('[{"name":"a","version":"1"}]')).toMatch(/item 1 lacks type/);
    expect(problem('[{"name":"a","type":"m"}]')).toMatch(/item 1 \(a\) lacks version/);
    expect(problem('[{"name":"a","type":"m","version":1.2}]')).toMatch(/item 1 \(a\) lacks version/);
    expect(problem('[{"name":"a","type":"m","version":"1","schema":"8001"}]')).toMatch(/item 1 \(a\) has schema "8001" \(expected a number or null\)/);
    expect(problem('[{"name":"a","type":"m","version":"1","enabled":"yes"}]')).toMatch(/item 1 \(a\) has enabled "yes" \(expected true or false\)/);
    expect(problem('[{"name":"a","type":"m","version":"1"},{"name":"a","type":"m","version":"2"}]')).toMatch(/package a is listed twice/);
  });

  it('redacts secrets in the command and the output it quotes', () => {
    redactor.add('s3cret-pass');
    const message = (() => {
      try {
        parsePackages('s3cret-pass oops', { server: 'web1', command: 'app --password=s3cret-pass' });
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(message).not.toContain('s3cret-pass');
    expect(message).toContain('[redacted]');
  });
});
