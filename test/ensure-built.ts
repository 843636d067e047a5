import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(REPO_ROOT, 'dist');

/**
 * `npm test` builds before Vitest starts; this covers running a test file on its own.
 * It builds only when a dist/ is missing, so it never races a build made by `npm test`.
 */
export function ensureBuilt(): void {
  const built = ['chrome', 'firefox'].every((browser) => existsSync(join(DIST, browser, 'manifest.json')));
  if (!built) execFileSync(process.execPath, ['build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
