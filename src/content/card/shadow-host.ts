import { hydrate, render, type ComponentChild } from 'preact';

/** Our host elements' names start with this; a random suffix follows (see ShadowHost). */
export const HOST_PREFIX = 'crosswire-card-host-';

/**
 * The one container for UI we inject into a page: a custom element with a closed shadow
 * root. Page styles cannot reach inside and ours cannot leak out; a closed root also keeps
 * page scripts from reading what the card shows about the reader's corpus. Its name has a
 * random suffix: a page that defined a custom element by our name would run its own code
 * on our host, and could reach the closed root through attachInternals().
 */
export class ShadowHost {
  private readonly host: HTMLElement;
  private readonly mount: HTMLElement;
  /** The keyboard list control's own place, fixed in the viewport, apart from the card's. */
  private readonly controlMount: HTMLElement;
  private readonly root: ShadowRoot;
  /** The card's style sheet, added before the first card renders (see CARD_CSS). */
  private cardCss: string | null;

  /** `controlCss` styles the list control, there from the start; `cardCss` the card, from its first showing. */
  constructor(doc: Document, controlCss: string, cardCss: string) {
    this.cardCss = cardCss;
    const suffix = [...crypto.getRandomValues(new Uint8Array(6))].map((b) => b.toString(16).padStart(2, '0')).join('');
    this.host = doc.createElement(`${HOST_PREFIX}${suffix}`);
    // Out of the page's flow and above it; the card positions itself inside.
    this.host.setAttribute(
      'style',
      'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;',
    );
    const root = (this.root = this.host.attachShadow({ mode: 'closed' }));
    const style = doc.createElement('style');
    style.textContent = controlCss;
    this.mount = doc.createElement('div');
    // max-content: the host is 0 wide, and a button in it would otherwise wrap word by word.
    this.mount.style.cssText = 'position: absolute; width: max-content;';
    // Named parts, so our own tests can tell the card from the list control (the page cannot see either).
    this.mount.dataset.part = 'card';
    this.controlMount = doc.createElement('div');
    this.controlMount.dataset.part = 'control';
    root.append(style, this.controlMount, this.mount);
    doc.documentElement.append(this.host);
  }

  render(ui: ComponentChild): void {
    if (ui !== null && this.cardCss !== null) {
      const style = this.host.ownerDocument.createElement('style');
      style.textContent = this.cardCss;
      this.root.prepend(style);
      this.cardCss = null;
    }
    render(ui, this.mount);
  }

  /** Render the keyboard list control. */
  renderControl(ui: ComponentChild): void {
    render(ui, this.controlMount);
  }

  /** Build the keyboard list control by hand, in its place (see closed-control.ts). */
  buildControl<T>(build: (mount: HTMLElement) => T): T {
    return build(this.controlMount);
  }

  /** Let Preact take over the control built by hand: `ui` renders the markup that is there. */
  adoptControl(ui: ComponentChild): void {
    hydrate(ui, this.controlMount);
  }

  /** Put the UI at a page position (document coordinates). */
  place(left: number, top: number): void {
    this.mount.style.cssText = `position: absolute; width: max-content; left: ${left}px; top: ${top}px;`;
  }

  /** Whether an event's target is inside our UI (the closed root retargets it to the host). */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  /** Whether the keyboard focus is in our UI, inside an element that matches `selector`. */
  focusIsIn(selector: string): boolean {
    return !!(this.mount.getRootNode() as ShadowRoot).activeElement?.closest(selector);
  }

  /** Move the keyboard focus to the first control in our UI (the closed root hides it from the page's Tab order). */
  focusFirst(): boolean {
    const target = this.mount.querySelector<HTMLElement>('button, a[href], input, select, textarea');
    target?.focus();
    return !!target;
  }

  destroy(): void {
    render(null, this.mount);
    render(null, this.controlMount);
    this.host.remove();
  }
}
