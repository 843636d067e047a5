import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';

/** The class every confirmation prompt carries: each page styles it, and the card's Escape handling finds it. */
export const CONFIRM_CLASS = 'confirm';

/**
 * An inline "are you sure?" step in place of a destructive button: the question, a button that
 * does it and a Cancel. The keyboard lands on Cancel, the safe choice; Escape cancels and goes no
 * further (a form around the prompt does not also cancel). A labelled group, not an alertdialog:
 * it sits in the flow of the page and traps nothing.
 */
export function ConfirmPrompt({
  question,
  confirm,
  busy = false,
  busyLabel = confirm,
  onConfirm,
  onCancel,
}: {
  /** The question, read out as the prompt's name when the focus moves in. */
  question: ComponentChildren;
  /** The button that does it ("Yes, remove"). */
  confirm: string;
  /** While the action runs, both buttons are disabled and the confirm button says `busyLabel`. */
  busy?: boolean;
  busyLabel?: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const questionId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  // Before paint, so a key pressed at once goes to Cancel.
  useLayoutEffect(() => cancel.current?.focus(), []);
  return (
    <div
      class={CONFIRM_CLASS}
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        if (!busy) onCancel();
      }}
    >
      <span id={questionId}>{question}</span>
      <button type="button" class="danger" disabled={busy} onClick={onConfirm}>
        {busy ? busyLabel : confirm}
      </button>
      <button type="button" ref={cancel} disabled={busy} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/**
 * A ref for the button that opens a prompt: when the prompt closes (`open` turns false), the
 * keyboard goes back to it rather than to the top of the page.
 */
export function useFocusBack<T extends HTMLElement>(open: boolean) {
  const trigger = useRef<T>(null);
  const wasOpen = useRef(false);
  useLayoutEffect(() => {
    if (!open && wasOpen.current) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return trigger;
}
