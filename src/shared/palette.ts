import type { ActorType } from '../core/actors/schema';

// Okabe-Ito colours, safe for the common colour-vision deficiencies. The page highlights and
// the popup's legend both read them from here.
export const ACTOR_RGB: Record<ActorType, string> = {
  person: '0, 114, 178',
  state: '230, 159, 0',
  organization: '0, 158, 115',
  government_body: '0, 158, 115',
  group: '213, 94, 0',
};
export const FIGURE_RGB = '204, 121, 167';
export const QUOTE_RGB = '240, 228, 66';
/** The reader's own notes: Okabe-Ito sky blue, outlined rather than underlined. */
export const NOTE_RGB = '86, 180, 233';

/** The legend's entries, in the order the popup lists them. */
export const LEGEND: { label: string; rgb: string; underline: boolean }[] = [
  { label: 'Person', rgb: ACTOR_RGB.person, underline: true },
  { label: 'State', rgb: ACTOR_RGB.state, underline: true },
  { label: 'Organisation or government body', rgb: ACTOR_RGB.organization, underline: true },
  { label: 'Armed or political group', rgb: ACTOR_RGB.group, underline: true },
  { label: 'Figure', rgb: FIGURE_RGB, underline: true },
  { label: 'Quote', rgb: QUOTE_RGB, underline: false },
  { label: 'Your note', rgb: NOTE_RGB, underline: false },
];
