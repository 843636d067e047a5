// Crosswire's painted highlights as a page script sees them: the named highlights in the
// document's CSS.highlights registry. The functions here run inside the page (a test's or
// the demo's `page.evaluate`), so each is self-contained.

/** Every painted range of ours: its highlight's name and its text. */
export function paintedRanges(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith('crosswire-')) for (const range of highlight) out.push({ name, text: range.toString() });
  return out;
}

/** Whether any highlight of ours is painted yet. */
export function anyPainted(): boolean {
  for (const [name, highlight] of CSS.highlights) if (name.startsWith('crosswire-') && highlight.size > 0) return true;
  return false;
}

/**
 * The viewport point at the middle of the `n`th range of highlight `name` (scrolled into
 * view first), for a pointer to rest on; null when there is no such range.
 */
export function pointOnPainted([name, n]: [string, number]): { x: number; y: number } | null {
  const range = [...(CSS.highlights.get(name) ?? [])][n] as Range | undefined;
  if (!range) return null;
  range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const [box] = range.getClientRects();
  return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
}
