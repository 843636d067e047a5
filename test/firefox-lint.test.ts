// Mozilla's own linter (the one addons.mozilla.org runs) over the Firefox build.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, REPO_ROOT, ensureBuilt } from './ensure-built';

// Warnings we accept, and why:
// - data_collection_permissions is newer than our minimum Firefox, which ignores it;
// - UNSAFE_VAR_ASSIGNMENT is Preact's dangerouslySetInnerHTML path, which we never use.
const ACCEPTED = new Set([
  'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION',
  'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION',
  'UNSAFE_VAR_ASSIGNMENT',
]);

beforeAll(ensureBuilt);

describe('web-ext lint of dist/firefox', () => {
  it('finds no errors and no warnings beyond the accepted ones', () => {
    const bin = join(REPO_ROOT, 'node_modules', '.bin', 'web-ext');
    const out = execFileSync(
      bin,
      ['lint', '--source-dir', join(DIST, 'firefox'), '--output', 'json', '--no-config-discovery'],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(out) as {
      summary: { errors: number };
      errors: { code: string }[];
      warnings: { code: string; message: string }[];
    };
    expect(report.errors.map((e) => e.code)).toEqual([]);
    expect(report.warnings.filter((w) => !ACCEPTED.has(w.code)).map((w) => `${w.code}: ${w.message}`)).toEqual([]);
  });
});
