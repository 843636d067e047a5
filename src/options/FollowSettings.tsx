import { useState } from 'preact/hooks';
import type { FollowingSettings, FollowingState } from '../messages';
import type { Ask } from '../shared/ask';
import { NoteLine, type Note } from './Note';

type Numbers = 'intervalMinutes' | 'retentionDays' | 'dailyFullTextLimit';

/** Each number the reader sets: its label, unit, bounds and help. */
const FIELDS: { key: Numbers; label: string; min: number; max: number; help: string }[] = [
  {
    key: 'intervalMinutes',
    label: 'Check the feeds every (minutes)',
    min: 5,
    max: 1440,
    help: 'From 5 minutes to a day (1,440). A feed that fails, or asks Crosswire to wait, is left alone longer.',
  },
  {
    key: 'retentionDays',
    label: 'Keep feed entries for (days)',
    min: 1,
    max: 365,
    help: 'Older entries are removed, except those you wrote a note on or added to the corpus yourself.',
  },
  {
    key: 'dailyFullTextLimit',
    label: 'Full articles fetched automatically, at most, per day',
    min: 0,
    max: 500,
    help: 'Only with the automatic full text above.',
  },
];

const drafts = (s: FollowingSettings) =>
  Object.fromEntries(FIELDS.map(({ key }) => [key, String(s[key])])) as Record<Numbers, string>;

/** The number a draft holds, or what is wrong with it. */
function checked(draft: string, field: (typeof FIELDS)[number]): number | string {
  const n = Number(draft.trim());
  return draft.trim() && Number.isInteger(n) && n >= field.min && n <= field.max
    ? n
    : `${field.label.replace(/ \(.*\)$/, '')}: a whole number from ${field.min} to ${field.max}, please.`;
}

/** How often the feeds are checked, how long their entries are kept, and the automatic full text with its limit. */
export function FollowSettings({
  ask,
  settings,
  onState,
}: {
  ask: Ask;
  settings: FollowingSettings;
  onState(state: FollowingState): void;
}) {
  const [draft, setDraft] = useState(() => drafts(settings));
  const [autoFullText, setAutoFullText] = useState(settings.autoFullText);
  const [note, setNote] = useState<Note>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    const values = FIELDS.map((field) => checked(draft[field.key], field));
    const problems = values.filter((v): v is string => typeof v === 'string');
    if (problems.length) return setNote({ kind: 'error', text: problems.join('\n') });
    const [intervalMinutes, retentionDays, dailyFullTextLimit] = values as number[];
    const r = await ask({ type: 'set-following', intervalMinutes, retentionDays, autoFullText, dailyFullTextLimit });
    if (!r.ok) return setNote({ kind: 'error', text: r.error });
    onState(r.value);
    setDraft(drafts(r.value.settings));
    setAutoFullText(r.value.settings.autoFullText);
    setNote({ kind: 'info', text: 'Saved.' });
  };

  const numberField = (field: (typeof FIELDS)[number], disabled = false) => (
    <p key={field.key}>
      <label for={`follow-${field.key}`}>{field.label}</label>
      <input
        id={`follow-${field.key}`}
        type="number"
        inputMode="numeric"
        min={field.min}
        max={field.max}
        step={1}
        required
        disabled={disabled}
        value={draft[field.key]}
        aria-describedby={`follow-${field.key}-help`}
        onInput={(e) => setDraft((d) => ({ ...d, [field.key]: (e.currentTarget as HTMLInputElement).value }))}
      />
      <span id={`follow-${field.key}-help`} class="help">
        {field.help}
      </span>
    </p>
  );

  return (
    <form class="follow-settings" onSubmit={(e) => void save(e)} noValidate>
      {numberField(FIELDS[0]!)}
      {numberField(FIELDS[1]!)}
      <label class="check">
        <input
          type="checkbox"
          checked={autoFullText}
          aria-describedby="follow-full-help"
          onChange={(e) => setAutoFullText((e.currentTarget as HTMLInputElement).checked)}
        />
        Fetch the full article of the closest matches automatically
      </label>
      <p id="follow-full-help" class="help">
        Feeds give a headline and a summary. With this on, Crosswire also fetches the whole page of the entries that
        best match an article you read, up to the limit below; otherwise only when you ask for one in the popup.
      </p>
      {numberField(FIELDS[2]!, !autoFullText)}
      <button type="submit">Save</button>
      <NoteLine note={note} />
    </form>
  );
}
