/**
 * When the content script began to run: imported first by index.ts, so that this module runs
 * before any other of the bundle's (esbuild orders them as they are imported). The time from
 * here to the script's first task, setting up its modules, is ours on the page's thread too.
 */
export const SCRIPT_START = performance.now();
