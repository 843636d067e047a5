import { controlKey, controlLabel } from './HighlightList';

/** The list control while closed, built by hand; `release` leaves its markup to Preact. */
export interface ClosedControl {
  /** How many highlights it says the page has. */
  count: number;
  update(count: number): void;
  /** Take its own listeners off, leaving the markup for HighlightList to take over (hydrate). */
  release(): void;
}

/**
 * The keyboard list's control, closed: the markup HighlightList renders for it (a test
 * compares the two), built with the DOM. Preact's first render of the control cost a new
 * tab about 3 ms (a CPU profile), and most readers never open the list: Preact takes this
 * markup over when it first opens, keeping the button, and with it the keyboard focus.
 */
export function closedControl(mount: HTMLElement, count: number, onOpen: () => void): ClosedControl {
  const doc = mount.ownerDocument;
  const control = doc.createElement('div');
  control.className = 'control';
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'control-button';
  button.setAttribute('aria-haspopup', 'listbox');
  button.setAttribute('aria-expanded', 'false');
  const label = doc.createTextNode(controlLabel(count));
  button.append(label);
  control.append(button);
  mount.append(control);
  const click = () => onOpen();
  const key = (e: KeyboardEvent) => controlKey(e, onOpen);
  button.addEventListener('click', click);
  button.addEventListener('keydown', key);
  const closed: ClosedControl = {
    count,
    update: (n) => {
      closed.count = n;
      label.data = controlLabel(n);
    },
    release: () => {
      button.removeEventListener('click', click);
      button.removeEventListener('keydown', key);
    },
  };
  return closed;
}
