import type { ComponentChildren } from 'preact';

/**
 * A file input inside its label, followed by the help that describes it (its accessible
 * description). `onChoose` gets the input, so the caller can clear it once the file is read:
 * the same file, once fixed, can then be chosen again.
 */
export function FileChooser(props: {
  label: string;
  accept: string;
  helpId: string;
  help: ComponentChildren;
  onChoose: (input: HTMLInputElement) => void;
}) {
  return (
    <>
      <label class="file">
        {props.label}
        <input
          type="file"
          accept={props.accept}
          aria-describedby={props.helpId}
          onChange={(e) => props.onChoose(e.currentTarget as HTMLInputElement)}
        />
      </label>
      <p id={props.helpId} class="help">
        {props.help}
      </p>
    </>
  );
}
