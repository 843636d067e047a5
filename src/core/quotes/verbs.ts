import { ENGLISH_AUXILIARIES, REPORTING_VERBS } from '../detect/words';

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Verbs of saying that introduce or follow a quotation, beyond the detector's list: the
 * continuing and citing verbs of English, and the past participles and present tenses of
 * French, Russian and Arabic news copy.
 */
const MORE_VERBS = set(`
  continued continues cited cites recalled recalls emphasized emphasised emphasizes emphasises admitted admits
  conceded concedes suggested suggests remarked remarks observed observes tweeted tweets posted wrote
  resolves resolved instructs instructed requests requested decides decided reaffirms reaffirmed
  annoncé expliqué précisé assuré rappelé martelé répondu confié insisté prévenu jugé dénoncé poursuivi lancé
  déplore déplorait explique précise ajoute poursuit estime souligne affirme déclare indique assure rappelle
  сообщил сообщила добавил добавила пояснил пояснила заверил заверила признал признала ответил ответила
  уточнил уточнила призвал призвала продолжил продолжила говорит заявляет отмечает
  قال وقال أكد وأكد أعلن وأعلن شدد وشدد أضاف وأضاف أوضح وأوضح صرح وصرح ذكر وذكر أشار وأشار تابع وتابع`);

/** Every verb of saying: the detector's and ours. */
export const SAYING = new Set([...REPORTING_VERBS, ...MORE_VERBS]);

/** "according to X" and its translations: X is the source of what the sentence reports. */
export const ACCORDING_TO =
  /(?:according to|selon|d'après|d’après|по словам|по данным|بحسب|وبحسب|حسب|وفق|وفقا ل|وفقًا ل)\s+/iu;

/** Auxiliaries between a subject and its verb: "has said", "a déclaré", "had earlier told". */
export const AUXILIARY = new Set([
  ...ENGLISH_AUXILIARIES,
  ...set(`earlier later then again a ont avait avaient est s'est aussi également encore также ещё еще`),
]);

/** Pronouns that stand for a person, in the four languages. */
export const PERSON_PRONOUN = /^(?:he|she|il|elle|он|она|هو|هي)$/iu;

/** Pronouns that stand for the body or statement last quoted: "it added". */
export const THING_PRONOUN = /^(?:it|they)$/i;

/** French inverted attribution: "a-t-il dit", "a-t-elle ajouté", "poursuit-il". */
export const FRENCH_INVERTED = /^[\s,—–-]*(?:a-t-(?:il|elle)\s+\p{L}+|\p{L}+-(?:t-)?(?:il|elle))(?!\p{L})/iu;

/** Words that end a speaker's name after it: "said Doe in Ruritania", "— сказал Петров на встрече". */
export const AFTER_SPEAKER = [
  ...'in on at to after before during as from when while who which whose where'.split(' '),
  ...'à au aux en lors devant dans sur qui après avant pendant lors'.split(' '),
  ...'на в во с со после перед при о об который которая которые по'.split(' '),
].join('|');

/** Conjunctions that open a new clause: "while Doe said the “…”" is about the next quote, not the last. */
export const CLAUSE_OPENER = /^(?:and|but|while|whereas|as|or|though|although|et|mais|alors|и|а|но)(?!\p{L})/iu;

/** Nouns of documents that speak for their author: "a statement by the ministry said". */
export const DOCUMENT =
  /^(?:an?|the|its|their)?\s*(?:\p{L}+\s+){0,2}?(?:statement|communiqu[eé]|release|report|letter|declaration|resolution)\s+(?:by|from|of|issued by)\s+(.+)$/iu;

/** A sentence that opens by naming a document: "In a communiqué after the meeting, “strongly condemns …”". */
export const IN_DOCUMENT =
  /^(?:in|dans|в|في)\s+(?:(?:a|an|its|the|their|un|une|son|sa|leur)\s+)?(?:[\p{L}-]+\s+)?(?:statement|communiqu[eé]|declaration|d[eé]claration|letter|lettre|release|resolution|r[eé]solution|заявлении|коммюнике|резолюции|بيان)(?!\p{L})/iu;
