import { XMLValidator } from 'fast-xml-parser';

/**
 * What makes a document malformed XML, with the line of the body it was given (blank lines
 * before the XML declaration count), or null for well-formed XML. feedsmith only says a
 * document is malformed; this says where.
 */
export function xmlProblem(text: string): string | null {
  const xml = text.trimStart();
  const valid = XMLValidator.validate(xml);
  if (valid === true) return null;
  const skipped = text.slice(0, text.length - xml.length).split('\n').length - 1;
  return `malformed XML at line ${valid.err.line + skipped}: ${valid.err.msg}`;
}
