/** Where a card goes: below its highlight, or above when there is no room; never over it. */
export function placeCard(
  anchor: DOMRect,
  card: { width: number; height: number },
  viewport: { width: number; height: number; scrollX: number; scrollY: number },
): { left: number; top: number } {
  const GAP = 6;
  const below = anchor.bottom + GAP;
  const fitsBelow = below + card.height <= viewport.height;
  const top = fitsBelow || anchor.top - GAP - card.height < 0 ? below : anchor.top - GAP - card.height;
  const left = Math.max(8, Math.min(anchor.left, viewport.width - card.width - 8));
  return { left: left + viewport.scrollX, top: top + viewport.scrollY };
}
