import { tokenKey } from '../text/fold';

/** Word lists the detectors share. Lower-case keys (see fold.ts). */

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));
/** Words in any language as lookup keys (see fold.ts): Russian stems, Arabic without its article. */
const keys = (s: string) => s.split(/\s+/).filter(Boolean).map(tokenKey);

/** Nouns after a demonym that make it name the state: "Syrian authorities", "British Foreign Secretary". */
export const GOVERNMENT_WORDS = set(`
  president presidency prime premier minister ministers ministry foreign defence defense interior government governments
  authorities regime officials official leader leaders leadership counterpart counterparts restrictions bid statehood
  ambassador ambassadors envoy envoys embassy embassies consulate diplomat diplomats diplomacy delegation delegations
  delegate army military troops forces navy warplanes jets state parliament cabinet king emir chancellor administration
  spokesman spokeswoman spokesperson representative representatives mission veto vetoes proposal position negotiators
  negotiator intelligence security secretary sanctions demands stance draft plan initiative junta monarch crown deputy
  vice chief commander general presidents ally allies mediator mediators`);
// The same in French, Russian and Arabic: "le président français", "российских министерств",
// "وزير الخارجية المصري". French and Arabic adjectives follow the noun, Russian ones precede it.
for (const key of keys(`
  président présidente présidence gouvernement gouvernements ministre ministres ministère diplomatie diplomate
  diplomates homologue homologues autorités régime dirigeant dirigeants chef chefs armée ambassadeur ambassadrice
  ambassade délégation parole parlement chancelier roi émir envoyé émissaire administration représentant étrangères
  exécutif état troupes sanctions proposition allié alliés alliée alliées médiateur médiateurs
  президент президента правительство министр министерство МИД ведомство власти руководство лидер дипломат
  дипломатия посол посольство делегация армия войска председательство администрация сторона представитель кабинет
  парламент санкции позиция предложение глава премьер канцлер король силы режим
  رئيس الرئاسة وزير وزارة الخارجية الدفاع الداخلية حكومة السلطات النظام القوات مسؤول المسؤولين المسؤولون المبعوث
  الموفد السفير السفارة الوفد الدبلوماسية البرلمان الملك الأمير نظيره المتحدث الناطق القيادة`))
  GOVERNMENT_WORDS.add(key);

/** Words that may stand between a demonym and its government word: "French UN Ambassador". */
export const OFFICE_MODIFIERS = set('un permanent special senior top acting national');

/** Prepositions that make a place name a place rather than its government. */
export const LOCATIVES = new Set(
  keys(`in to from at into near outside around via across toward towards through within inside throughout visited
  visiting au aux en dans vers depuis chez в во на из في`),
);

/** Capitalised words that start or form a title before a name. */
export const TITLE_WORDS = set(`
  president vice prime minister foreign secretary general ambassador envoy special chancellor king queen emir sheikh
  crown prince princess premier mr mrs ms dr sen senator rep representative gov governor lord baroness sir dame chief
  commander spokesman spokeswoman deputy defence defense interior finance ayatollah pope patriarch speaker colonel
  col lt gen maj adm admiral marshal director high commissioner under coordinator humanitarian leader first lady
  mayor justice`);

/** Heads of a title: a title phrase must end with one of these before the name. */
export const TITLE_HEADS = set(`
  president minister secretary ambassador envoy chancellor king queen emir sheikh prince princess premier senator
  sen rep representative governor gov lord baroness sir dame chief commander spokesman spokeswoman ayatollah pope
  patriarch speaker colonel col lt gen general maj adm admiral marshal director commissioner coordinator leader
  mayor mr mrs ms dr`);

/** Lower-case role nouns for appositions: "Bev Oda, the minister of international co-operation". */
export const ROLE_NOUNS = set(`
  minister secretary ambassador envoy president chancellor spokesman spokeswoman spokesperson chief head leader director
  commander official representative negotiator adviser advisor premier king emir governor mediator coordinator
  commissioner`);

/** Verbs of saying and stance whose subject is a quote's speaker. */
export const REPORTING_VERBS = set(`
  said says say told tells tell added adds declared declares insisted insists urged urges rejected rejects warned warns
  stated states called calls agreed agrees argued argues noted notes stressed stresses asked asks announced announces
  blamed blames accused accuses wrote writes explained explains acknowledged acknowledges claimed claims confirmed
  confirms described describes replied replies responded responds pointed points affirmed affirms denied denies demanded
  demands vowed vows promised promises appealed appeals cautioned cautions estimate estimates estimated reported reports
  show shows showed according saying telling adding insisting urging warning blaming accusing arguing calling stressing
  denounced denounces condemned condemns welcomed welcomes criticised criticized criticizes criticises dismissed
  dismisses hailed hails praised praises slammed slams reiterated reiterates
  déclaré dit affirmé indiqué ajouté estimé souligné averti
  sagte sagt erklärte erklärt betonte betont warnte fügte
  заявил заявила сказал сказала
  отметил отметила подчеркнул подчеркнула
  قال وقال أعلن وأعلن أكد وأكد`);

/** English auxiliaries (and "also") between a subject and its verb: "the government has accused". */
export const ENGLISH_AUXILIARIES = 'has have had was were is are will would also'.split(' ');
/** The auxiliaries at the end of a subject, to trim: "the government has", "officials had been". */
export const AUXILIARIES = new RegExp(`(?:\\s+(?:${ENGLISH_AUXILIARIES.join('|')}|(?:had|has|have) been))+\\s*$`);

/**
 * Lower-case particles inside Arabic, Dutch, French, ... names: "Bashar al-Assad", "Herman Van
 * Rompuy", "Ahmed bin Daghr".
 */
export const NAME_PARTICLES = set(
  'al el bin ibn bint abu abd de del della der den di du da dos das le la van von ter ben',
);

/** Capitalised words that are never part of a person's name. */
export const NOT_NAME = set(`
  the a an and or but on in at of for to by with from as if while when after before since during this that these those
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december mideast western eastern northern southern internet amateur state activists both some all
  meanwhile however also earlier later last next new news with files`);

/** Words that make a sentence about diplomacy, so a common-word name in it is likely the state. */
export const DIPLOMACY_WORDS = new Set(
  keys(`council minister ministers talks sanctions urged treaty embassy ambassador summit government president
  resolution envoy troops ceasefire border foreign diplomatic diplomats negotiations vote voted abstained abstain
  delegation accord agreement nuclear refugees aid allies alliance bilateral condemned recognised recognized
  sovereignty annexation invasion militants
  conseil ministre ministres étrangères sommet gouvernement président ambassadeur ambassade délégation négociations
  traité frontière troupes diplomatique résolution
  министр министра переговоры санкции саммит правительство президент посол делегация договор
  وزير الخارجية مفاوضات عقوبات قمة الحكومة الرئيس السفير وفد اتفاق`),
);
