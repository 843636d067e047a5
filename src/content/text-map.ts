/**
 * The text of a DOM subtree as the engine reads it, with a map back to the text nodes.
 * Block elements are separated by blank lines (the engine's paragraphs); inline markup is
 * transparent, so "Sergey <b>Lavrov</b>" reads as one name. Offsets map back exactly.
 */

/** Elements whose text is not article text. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'BUTTON',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
]);
/** Elements that start a new paragraph. */
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'BR',
  'HR',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
]);
const BREAK = '\n\n';
/** Marks the end of a block element on the walk's stack. */
const LEAVE_BLOCK = Symbol('leave block');

/** Whether `el` is in text the reader is typing (a contenteditable region or a page in designMode). */
export const insideEditable = (el: Element) =>
  el.ownerDocument.designMode === 'on' || el.closest('[contenteditable]:not([contenteditable="false"])') !== null;

/** What the reader is typing in is theirs: never annotated (contenteditable regions, and rich editors built on them). */
const isEditable = (el: Element) => {
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
};

export interface TextMap {
  text: string;
  /** Text nodes in document order, with the offset of each one's first character in `text`. */
  nodes: Text[];
  starts: number[];
  /** Each node's length when the map was made (highlighting splits nodes; the map stays valid). */
  lengths: number[];
}

/** Read `root`'s text. `skip` leaves out subtrees (our own UI, for instance). */
export function buildTextMap(root: Node, skip: (el: Element) => boolean = () => false): TextMap {
  const walk = textWalker(root, skip);
  walk.step(Infinity);
  return walk.map();
}

/**
 * The same, in slices of about `sliceMs` with `pause()` between them: a 5 MB article takes
 * longer than a task may hold the page. `onSlice` hears when each slice began.
 */
export async function buildTextMapInSlices(
  root: Node,
  skip: (el: Element) => boolean,
  sliceMs: number,
  pause: () => Promise<void>,
  onSlice: (start: number) => void = () => undefined,
): Promise<TextMap> {
  const walk = textWalker(root, skip);
  for (;;) {
    const start = performance.now();
    // The last slice joins the text too: all of it is ours.
    const map = walk.step(start + sliceMs) ? walk.map() : null;
    onSlice(start);
    if (map) return map;
    await pause();
  }
}

/** How many nodes the walk visits between two looks at the clock. */
const NODES_PER_CHECK = 512;

/** A resumable walk over `root`'s nodes: `step(until)` goes on until the time `until` (a performance.now() reading) or the end, and says whether it is done. */
function textWalker(root: Node, skip: (el: Element) => boolean) {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  let length = 0;
  let pendingBreak = false;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  // An explicit stack, not recursion: pages nest elements thousands deep, past the call stack.
  const stack: (Node | typeof LEAVE_BLOCK)[] = [root];
  const step = (until: number): boolean => {
    for (let n = 1; stack.length; n++) {
      if (n % NODES_PER_CHECK === 0 && performance.now() >= until) return false;
      const node = stack.pop()!;
      if (node === LEAVE_BLOCK) {
        pendingBreak = true;
        continue;
      }
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (!data) continue;
        if (pendingBreak && length > 0) push(BREAK);
        pendingBreak = false;
        nodes.push(node as Text);
        starts.push(length);
        lengths.push(data.length);
        push(data);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (SKIP.has(el.tagName.toUpperCase()) || isEditable(el) || skip(el)) continue;
      const block = BLOCK.has(el.tagName.toUpperCase());
      if (block) {
        pendingBreak = true;
        stack.push(LEAVE_BLOCK);
      }
      // Children go on the stack last first, so they come off in document order.
      for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
    }
    return true;
  };
  return { step, map: (): TextMap => ({ text: parts.join(''), nodes, starts, lengths }) };
}

/** A piece of a text node: what one highlight element wraps. */
export interface Segment {
  node: Text;
  start: number;
  end: number;
}

/**
 * The text-node pieces that cover [start, end) of the map's text, skipping the paragraph
 * breaks the map inserted. Whitespace-only pieces are left out: wrapping them would change
 * nothing visible and can disturb layouts that depend on bare whitespace.
 */
export function segmentsFor(map: TextMap, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  let i = lastAtOrBefore(map.starts, start);
  for (; i < map.nodes.length && map.starts[i]! < end; i++) {
    const nodeStart = map.starts[i]!;
    const s = Math.max(start, nodeStart) - nodeStart;
    const e = Math.min(end, nodeStart + map.lengths[i]!) - nodeStart;
    if (e > s && /\S/.test(map.text.slice(nodeStart + s, nodeStart + e)))
      out.push({ node: map.nodes[i]!, start: s, end: e });
  }
  return out;
}

function lastAtOrBefore(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) [best, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return best;
}
