/** Asks the browser for host permissions (permissions.request); true when the reader grants them. */
export type RequestOrigins = (origins: string[]) => Promise<boolean>;

/** What the reader (or the browser) answered: granted, refused, or an error in the browser's words. */
export type Permission = { granted: true } | { granted: false; error: string | null };

/**
 * Asks for `origins` at once and never rejects. Call it before the handler awaits anything:
 * browsers show the permission prompt only during the reader's gesture (Firefox refuses the
 * request once the click handler has awaited), so it cannot wait for a reply first.
 */
export function askPermission(requestOrigins: RequestOrigins, origins: string[]): Promise<Permission> {
  const failed = (error: unknown): Permission => ({
    granted: false,
    error: error instanceof Error ? error.message : String(error),
  });
  try {
    return requestOrigins(origins).then((granted) => (granted ? { granted } : { granted, error: null }), failed);
  } catch (error) {
    return Promise.resolve(failed(error));
  }
}

/** The sentence for a permission that was not granted. */
export const notGranted = (p: Permission & { granted: false }, sites: string) =>
  p.error === null
    ? `the permission to fetch from ${sites} was not given`
    : `the browser did not ask for permission (${p.error})`;
