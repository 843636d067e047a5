/** The bundled dictionary's words, worked out by build.mjs as it bundles the background (see dictionary.ts). */
declare module 'crosswire:dictionary-words' {
  /** Parses them: call once. */
  const words: () => Record<string, string>;
  export default words;
}
