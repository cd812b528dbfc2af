/**
 * The draft checker and the incoming-post screener. Pure, offline, explainable: every finding
 * names its rule, its span and a plain suggestion. Rules are data (rules/*.ts) with ids, so a
 * workspace can switch any of them off (LintOptions.disabledRules).
 */
import { ABBREVIATION_PATTERNS, ABBREVIATION_RULES, abbreviationFindings, expandedAbbreviations, isAbbreviation, keyOf } from './abbreviations';
import { CLASS_RULES, matchClasses } from './classes';
import { findForbidden, SCREEN_PATTERNS } from './forbidden';
import { MORPH_PATTERNS } from './morph';
import { Lexicon, matchLexicon, tokenize, WORD_PATTERN, type Token } from './lexicon';
import { linearRegExp } from './linear';
import { CLICHE_RULES, REPLACEABLE } from './rules/cliches';
import { JARGON_RULES } from './rules/jargon';
import { reason, type Reason } from '../i18n';
import type { Finding, LexicalRule, LintOptions } from './types';

export type { Category, Finding, LexicalRule, LintOptions, ScreenGround, Severity } from './types';
export { GROUND_CLAUSES } from './forbidden';
export { CLICHE_RULES, JARGON_RULES };

export const LEXICAL_RULES: readonly LexicalRule[] = [...CLICHE_RULES, ...JARGON_RULES];
export { CLASS_RULES };
let lexicon: Lexicon | undefined;
function getLexicon(): Lexicon {
  lexicon ??= new Lexicon(LEXICAL_RULES);
  return lexicon;
}

/** Rule ids of every rule, for settings screens (lexical, style, substance, forbidden). */
export function ruleCatalog(): Array<{ id: string; category: Finding['category']; message: string }> {
  return [
    ...LEXICAL_RULES.map((r) => ({ id: r.id, category: r.category, message: r.message })),
    ...Object.values(CLASS_RULES).map((r) => ({ id: r.id, category: r.category, message: r.message })),
    ...Object.values(ABBREVIATION_RULES).map((r) => ({ id: r.id, category: 'jargon' as const, message: r.message })),
    ...STYLE_RULES,
    ...SUBSTANCE_RULES,
    { id: 'forbidden.obscenity', category: 'forbidden' as const, message: 'Нецензурные выражения' },
    { id: 'forbidden.insult', category: 'forbidden' as const, message: 'Оскорбления' },
    { id: 'forbidden.threat', category: 'forbidden' as const, message: 'Угрозы' },
    { id: 'forbidden.harm', category: 'forbidden' as const, message: 'Намерение причинить вред' },
  ];
}

const STYLE_RULES = [
  { id: 'style.long-sentence', category: 'style' as const, message: 'Длинное предложение: разделите на два-три' },
  { id: 'style.genitive-chain', category: 'style' as const, message: 'Цепочка существительных: скажите глаголом' },
];
const SUBSTANCE_RULES = [
  { id: 'substance.date', category: 'substance' as const, message: 'Нет срока: когда сделаете? Например, «до 15 мая»' },
  { id: 'substance.contact', category: 'substance' as const, message: 'Нет контакта: телефон, e-mail или адрес, куда обратиться' },
  { id: 'substance.measure', category: 'substance' as const, message: 'Не сказано, что сделано или будет сделано' },
  { id: 'substance.photos', category: 'substance' as const, message: 'Куратор просил фото «до/после»: приложите их' },
];

function isDisabled(id: string, disabled: readonly string[] | undefined): boolean {
  if (!disabled?.length) return false;
  return disabled.some((d) => d === id || (d.endsWith('.') && id.startsWith(d)));
}

// ---- style ------------------------------------------------------------------------------------

const LONG_SENTENCE_WORDS = 30;
/** Verbal nouns and abstract nouns in the genitive-like endings of officialese chains. */
const CHAIN_NOUN = /(?:ение|ание|ние|ения|ания|ния|тие|тия|ция|ции|ство|ства|ость|ости|мента|изма|ьбы|ки|ты|ры|ов|ей|та|да|ка|ра|на)$/u;
const STRONG_CHAIN_NOUN = /(?:ение|ание|ние|ения|ания|ния|тие|тия|ция|ции|ство|ства|ость|ости)$/u;
/** The longest ending above: the chain tests read only a word's last letters (constant time). */
const CHAIN_TAIL = 5;

function styleFindings(text: string, tokens: Token[], disabled: readonly string[] | undefined): Finding[] {
  const out: Finding[] = [];
  if (!isDisabled('style.long-sentence', disabled)) {
    let first = 0;
    for (let i = 1; i <= tokens.length; i++) {
      if (i === tokens.length || tokens[i]!.sentence !== tokens[first]!.sentence) {
        const words = i - first;
        if (words > LONG_SENTENCE_WORDS)
          out.push({
            category: 'style',
            ruleId: 'style.long-sentence',
            start: tokens[first]!.start,
            end: tokens[i - 1]!.end,
            severity: 'info',
            message: `Длинное предложение (${words} слов): разделите на два-три`,
          });
        first = i;
      }
    }
  }
  if (!isDisabled('style.genitive-chain', disabled)) {
    let run: Token[] = [];
    const flush = () => {
      const strong = run.filter((t) => STRONG_CHAIN_NOUN.test(t.norm.slice(-CHAIN_TAIL))).length;
      if (run.length >= 3 && strong >= 2)
        out.push({
          category: 'style',
          ruleId: 'style.genitive-chain',
          start: run[0]!.start,
          end: run[run.length - 1]!.end,
          severity: 'info',
          message: 'Цепочка существительных: скажите глаголом («обеспечение проведения ремонта» → «отремонтируем»)',
        });
      run = [];
    };
    for (const tok of tokens) {
      if (tok.norm.length > 3 && CHAIN_NOUN.test(tok.norm.slice(-CHAIN_TAIL)) && (!run.length || run[run.length - 1]!.sentence === tok.sentence)) run.push(tok);
      else flush();
    }
    flush();
  }
  void text;
  return out;
}

// ---- substance -----------------------------------------------------------------------------------

// Every pattern below is applied to the lowercased text (lowerForPatterns), hence no `i` flag
// (case-insensitive Unicode matching costs three times as much per position), and is linear in
// the length of the text: see linear.ts for the rules each one keeps.
const MONTHS = '(?:январ[яеь]|феврал[яеь]|март[аеу]?|апрел[яеь]|ма[яейю]|июн[яеь]|июл[яеь]|август[аеу]?|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь])';
const DATE_PATTERNS = {
  /** 15.05, 15.05.2025; not part of a longer run of digits and dots (a version, an IP). */
  'date.numeric': linearRegExp('(?<![\\d.])\\d{1,2}\\.\\d{1,2}(?:\\.\\d{2,4})?(?!(?>\\.*)\\d)'),
  'date.day-month': linearRegExp(`\\d{1,2}(?>\\s+)${MONTHS}`),
  'date.month': linearRegExp(`(?<!\\p{L})(?:в|до|к|с|по|в течение|в конце|в начале|в середине)(?>\\s+)${MONTHS}`),
  'date.term': linearRegExp('(?<!\\p{L})(?:до|к|через|в течение|за)(?>\\s+)(?>\\d+)(?>\\s*)(?:рабоч(?>\\p{L}*)(?>\\s+))?(?:дн|день|недел|час|месяц)'),
  'date.word': linearRegExp(
    '(?<!\\p{L})(?:сегодня|завтра|послезавтра|на этой неделе|на следующей неделе|до конца (?:недели|месяца|дня)|в понедельник|во вторник|в среду|в четверг|в пятницу|в субботу|в воскресенье|до понедельника|до вторника|до среды|до четверга|до пятницы|до субботы)(?!\\p{L})',
  ),
  'date.time': linearRegExp('(?<!\\p{L})(?:в|к|до|с)(?>\\s+)\\d{1,2}[:.]\\d{2}(?!\\d)'),
  'date.year': linearRegExp('(?<![\\p{L}\\d])20\\d\\d(?>\\s*)(?:год|г\\.)'),
} as const;
const ZONE = '(?:ru|рф|su|com|org|net)';
const CONTACT_PATTERNS = {
  /** +7 (4112) 42-15-16, 8 914 123 45 67: separators taken whole, digits split at most a few ways. */
  'contact.phone': linearRegExp('(?:\\+7|(?<!\\d)8)(?>[\\s(-]*)\\d{3,5}(?>[\\s)-]*)\\d{1,3}(?>[\\s-]*)\\d{2}(?>[\\s-]*)\\d{2}(?!\\d)'),
  /** «тел.: 42-15-16»: was `\s*:?\s*` (quadratic after a run of spaces). */
  'contact.phone-word': linearRegExp('(?<!\\p{L})(?:тел\\.?|телефон(?>\\p{L}*)|звоните|позвоните)(?>\\s*)(?::(?>\\s*))?[\\d+][\\d\\s()-]{4}'),
  'contact.phone-local': linearRegExp('(?<![\\d.-])\\d{1,3}-\\d{2}-\\d{2}(?![\\d-])'),
  'contact.emergency': linearRegExp('(?<![\\p{L}\\d])(?:112|101|102|103|104)(?!\\d)'),
  'contact.service': linearRegExp('(?<!\\p{L})(?:дежурн(?>\\p{L}*) част|госуслуг|регистратур)'),
  /**
   * A whole word before «.ru» (not after «@»): the dot and the zone first, the word checked
   * backwards from there, so only the candidates are looked at.
   */
  'contact.domain': linearRegExp(`\\.${ZONE}(?!\\p{L})(?<=(?:^|[^\\p{L}\\d@-])[\\p{L}\\d-]+\\.${ZONE})`),
  /**
   * Was `[\p{L}\d._%+-]+@…`, tried at each of n positions with a scan to the end of the run
   * (quadratic without «@»): now found from the «@», one character of the name checked behind it.
   */
  'contact.email': linearRegExp('@(?<=[\\p{L}\\d._%+-]@)[\\p{L}\\d.-]+\\.\\p{L}{2}'),
  'contact.link': linearRegExp('(?:https?://|www\\.|(?<!\\p{L})(?:vk\\.com|ok\\.ru|gosuslugi\\.ru))'),
  'contact.address': linearRegExp('(?<!\\p{L})(?:ул\\.|улиц[аеу]|пр-т|просп\\.|проспект|пер\\.|каб\\.|кабинет|д\\.(?>\\s*)\\d|дом(?>\\s+)\\d)'),
  'contact.line': linearRegExp('(?<!\\p{L})(?:горяч(?>\\p{L}*) линии?|единая дежурн|диспетчерск|приемн|приёмн)'),
} as const;
/** Action verbs in the forms that report a measure: done, under way or promised (our list). */
const MEASURE_WORDS = [
  'отремонтир\\p{L}*',
  'ремонтиру(?:ют|ем|ет)',
  'замен(?:или|ил|ила|ило|им|ят|ит|ены|ена|ено|ен|ены)',
  'поменя(?:ли|л|ла|ем|ют)',
  'меня(?:ют|ем)',
  'вывез(?:ли|ем|ут|ено|ен|ла|на|ны)?',
  'вывоз(?:ят|им|ит)',
  'установ(?:или|ил|ила|им|ят|лен|лена|лено|лены)',
  'устанавлива(?:ют|ем)',
  'постав(?:или|ил|им|ят|лен|лены)',
  'полож(?:или|им|ат)',
  'заасфальтир\\p{L}*',
  'асфальтир\\p{L}*',
  'залата\\p{L}*',
  'почин(?:или|ил|им|ят)',
  'чин(?:ят|им|ить)',
  'восстанов(?:или|ил|ила|им|ят|лен|лена|лено|лены)',
  'очист(?:или|ил|им|ят|ка)',
  'прочист(?:или|им|ят)',
  'чист(?:ят|им)',
  'убр(?:али|ал|ала|аны|ано)',
  'убер(?:ем|ут)',
  'убира(?:ют|ем)',
  'покрас(?:или|ил|им|ят)',
  'засыпа(?:ли|л)',
  'засыпл(?:ем|ют)',
  'посыпа(?:ли|ем|ют)',
  'подключ(?:или|ил|им|ат|ен|ена|ено|ены)',
  'спил(?:или|ил|им|ят|ены)',
  'провер(?:или|ил|ила|им|ят|ено)',
  'провер(?:яют|яем)',
  'проверк[аиу]',
  'закупи(?:ли|л|м)',
  'привез(?:ли|ем|ут)',
  'выехал\\p{L}*',
  'выед(?:ет|ут|ем)',
  'приед(?:ет|ут|ем)',
  'приехал\\p{L}*',
  'съезди(?:ли|л)',
  'закр(?:ыли|оем|оют|ыт|ыта)',
  'откр(?:ыли|оем|оют)',
  'назначил\\p{L}*',
  'оштрафова\\p{L}*',
  'штраф\\p{L}*',
  'предписани\\p{L}*',
  'проложи(?:ли|м)',
  'отсыпа(?:ли|ем)',
  'обработа(?:ли|ем)',
  'отключ(?:или|им)',
  'включ(?:или|им|ат|ен|ена|ено|ены)',
  'запусти(?:ли|м)',
  'откачал\\p{L}*',
  'откачива(?:ют|ем)',
  'промыл\\p{L}*',
  'промыва(?:ют|ем)',
  'утепл(?:или|им|ят)',
  'демонтир\\p{L}*',
  'снесл\\p{L}*',
  'снес(?:ем|ут)',
  'сня(?:ли|л)',
  'посади(?:ли|м)',
  'высади(?:ли|м)',
  'покоси(?:ли|м)',
  'расчисти(?:ли|м)',
  'достав(?:или|им|ят)',
  'выплат(?:или|им|ят)',
  'перечисл(?:или|им|ят)',
  'оплат(?:или|им)',
  'сделал\\p{L}*',
  'сделаем',
  'сделают',
  'исправ(?:или|им|ят)',
  'устран(?:или|им|ят|ено|ена|ены)',
  'заделал\\p{L}*',
  'заделаем',
  'повеси(?:ли|м)',
  'отлови(?:ли|м)',
  'переда(?:ли|дим)',
  'объясни(?:ли|м)',
  'помогли',
  'поможем',
  'выписа(?:ли|ли)',
  'верн(?:ем|ут|ули)',
  'дадут',
  'одобри(?:ли|м)',
  'пересчита(?:ем|ли|ют)',
  'перекро(?:ем|ют)',
  'перекрыли',
  'построи(?:ли|м)',
  'стро(?:им|ят)',
  'начн(?:ем|ут|ется)',
  'наказа(?:ли|ны)',
  'патрулиру(?:ет|ют)',
  'выделен\\p{L}*',
  'заплан(?:ировали|ирован|ирована|ировано|ированы)',
  'выполнен[аоы]?',
  'произведен[аоы]?',
  'проведен[аоы]?',
  'организован[аоы]?',
  'осуществл(?:ен|ена|ено|ены|яются|яется)',
  'отремонтирован\\p{L}*',
  'выдан[аоы]?',
  'рассмотр(?:ит|им|ят)',
  'реши(?:ли|м)',
  'ведутся',
  'ведется',
  'работы по',
  'бригада',
  'подрядчик\\p{L}*',
];
// A tail `\p{L}*` before `(?!\p{L})` always takes the rest of the word: nothing to backtrack.
const MEASURE = linearRegExp(`(?<!\\p{L})(?:${MEASURE_WORDS.join('|')})(?!\\p{L})`);
/** Was `(?:фото\p{L}*|…)(?!\p{L})`: the same words, the tail cut (see linear.ts). */
const PHOTO = linearRegExp('(?<!\\p{L})(?:фото|снимк)');

/**
 * The text the substance patterns read: lowercased, its length kept (toLowerCase lengthens only
 * «İ», to «i» and a combining dot that is no letter; it becomes a plain «i»).
 */
export function lowerForPatterns(text: string): string {
  return text.replace(/\u0130/g, 'i').toLowerCase();
}

/**
 * Every pattern of the substance checklist by name, for the adversarial tests. Each is applied
 * with test() to lowerForPatterns(text), and each is linear in the length of the text.
 */
export const SUBSTANCE_PATTERNS: Readonly<Record<string, RegExp>> = { ...DATE_PATTERNS, ...CONTACT_PATTERNS, measure: MEASURE, photo: PHOTO };
const DATE_LIST = Object.values(DATE_PATTERNS);
const CONTACT_LIST = Object.values(CONTACT_PATTERNS);

/**
 * Every regular expression of the checker and the screener by name, for the adversarial tests
 * (test/unit/lint/adversarial.test.ts): `on: 'text'` runs over a whole text (lowercased for the
 * substance patterns, the normalised stream for the spaced run, the raw text for the words),
 * `on: 'word'` is tested on one word. Each is linear in the length of what it reads.
 */
export const LINT_PATTERNS: Readonly<Record<string, { pattern: RegExp; on: 'text' | 'word' }>> = {
  'lexicon.word': { pattern: WORD_PATTERN, on: 'text' },
  'style.chain-noun': { pattern: CHAIN_NOUN, on: 'word' },
  'style.strong-chain-noun': { pattern: STRONG_CHAIN_NOUN, on: 'word' },
  ...Object.fromEntries(Object.entries({ ...MORPH_PATTERNS, ...ABBREVIATION_PATTERNS }).map(([name, pattern]) => [name, { pattern, on: 'word' as const }])),
  ...Object.fromEntries(Object.entries(SUBSTANCE_PATTERNS).map(([name, pattern]) => [`substance.${name}`, { pattern, on: 'text' as const }])),
  ...Object.fromEntries(
    Object.entries(SCREEN_PATTERNS).map(([name, pattern]) => [name, { pattern, on: name === 'screen.spaced-run' ? ('text' as const) : ('word' as const) }]),
  ),
};

export interface SubstanceChecklist {
  date: boolean;
  contact: boolean;
  measures: boolean;
  /** Measures are required (a repeat post). */
  measuresRequired: boolean;
  /** Photos before/after: null when not asked. */
  photos: boolean | null;
}

export function substanceChecklist(text: string, options: LintOptions = {}): SubstanceChecklist {
  const lower = lowerForPatterns(text);
  return {
    date: DATE_LIST.some((p) => p.test(lower)),
    contact: CONTACT_LIST.some((p) => p.test(lower)),
    measures: MEASURE.test(lower),
    measuresRequired: options.repeat === true,
    photos: options.photosRequested ? options.photosAttached === true || PHOTO.test(lower) : null,
  };
}

function substanceFindings(list: SubstanceChecklist, options: LintOptions): Finding[] {
  const out: Finding[] = [];
  const add = (id: string, severity: Finding['severity'], message: string) => {
    if (!isDisabled(id, options.disabledRules)) out.push({ category: 'substance', ruleId: id, start: 0, end: 0, severity, message });
  };
  if (!list.date) add('substance.date', 'warning', 'Нет срока: когда сделаете? Например, «до 15 мая»');
  if (!list.contact) add('substance.contact', 'warning', 'Нет контакта: телефон, e-mail или адрес, куда обратиться');
  if (!list.measures)
    add(
      'substance.measure',
      list.measuresRequired ? 'error' : 'warning',
      list.measuresRequired ? 'Повторное обращение: ответ должен сообщить о принятых мерах' : 'Не сказано, что сделано или будет сделано',
    );
  if (list.photos === false) add('substance.photos', 'warning', 'Куратор просил фото «до/после»: приложите их');
  return out;
}

// ---- public API ----------------------------------------------------------------------------------

/** Findings in a draft answer: clichés, jargon, style, missing substance, forbidden content. */
export function lintDraft(text: string, options: LintOptions = {}): Finding[] {
  return checkDraft(text, options).findings;
}

export interface DraftReport {
  findings: Finding[];
  /** 0–10, Главред-like: how free of officialese per word (10 = clean). */
  score: number;
  words: number;
  checklist: SubstanceChecklist;
  /** Findings per category, for the panel's summary. */
  counts: Record<Finding['category'], number>;
}

/** Score slope: the weight density (per 100 words) that costs one point. */
const SCORE_ALPHA = 0.1;

export function checkDraft(text: string, options: LintOptions = {}): DraftReport {
  const tokens = tokenize(text);
  const disabled = options.disabledRules;
  const enabled = (rule: LexicalRule) => !isDisabled(rule.id, disabled);
  let hits = matchLexicon(getLexicon(), tokens, enabled);
  // A lexical jargon hit on an abbreviation expanded earlier in the answer is fine.
  const expanded = expandedAbbreviations(text, tokens);
  if (expanded.size)
    hits = hits.filter((h) => {
      if (h.rule.category !== 'jargon' || h.endToken - h.startToken !== 1) return true;
      const t = tokens[h.startToken]!;
      const at = expanded.get(keyOf(t.norm));
      return !(at !== undefined && at <= t.start && isAbbreviation(text.slice(t.start, t.end)));
    });
  // Class hits where no lexical rule already speaks: one finding per phrase.
  const taken = new Uint8Array(tokens.length);
  for (const h of hits) if (h.rule.category === 'cliche') taken.fill(1, h.startToken, h.endToken);
  for (const h of matchClasses(tokens, enabled)) {
    if (taken.subarray(h.startToken, h.endToken).includes(1)) continue;
    taken.fill(1, h.startToken, h.endToken);
    hits.push(h);
  }
  const findings: Finding[] = hits.map(({ rule, startToken, endToken }) => ({
    category: rule.category,
    ruleId: rule.id,
    start: tokens[startToken]!.start,
    end: tokens[endToken - 1]!.end,
    message: rule.message,
    ...(rule.suggestion ? { suggestion: rule.suggestion } : {}),
    severity: rule.severity ?? (rule.weight >= 2 ? 'warning' : 'info'),
  }));
  for (const f of abbreviationFindings(text, tokens, (id) => !isDisabled(id, disabled)))
    if (!findings.some((g) => g.category === 'jargon' && g.start < f.end && f.start < g.end)) findings.push(f);
  findings.push(...styleFindings(text, tokens, disabled));
  for (const f of findForbidden(text)) if (!isDisabled(f.ruleId, disabled)) findings.push(f);
  const checklist = substanceChecklist(text, options);
  findings.push(...substanceFindings(checklist, options));
  findings.sort((a, b) => a.start - b.start || a.end - b.end);

  const weight =
    hits.reduce((sum, h) => sum + h.rule.weight, 0) +
    findings.filter(
      (f) =>
        (f.category === 'style' && !f.ruleId.startsWith('style.opening')) || f.ruleId.startsWith('jargon.abbreviation') || f.ruleId.startsWith('jargon.legal'),
    ).length;
  const words = tokens.length;
  const density = words ? (weight / words) * 100 : 0;
  const score = Math.round(Math.max(0, Math.min(10, 10 - SCORE_ALPHA * density)) * 10) / 10;
  const counts = { cliche: 0, jargon: 0, substance: 0, style: 0, forbidden: 0 };
  for (const f of findings) counts[f.category] += 1;
  return { findings, score, words, checklist, counts };
}

/**
 * Screens an incoming post: forbidden content means it is likely not to be processed
 * (Yakutia п. 18 and equivalents). Advice only: the curator confirms.
 */
export function screenIncoming(text: string): { processable: boolean; findings: Finding[] } {
  const findings = findForbidden(text);
  return { processable: !findings.some((f) => f.severity === 'error'), findings };
}

/**
 * What a screener finding says in the language in use: its ground of п. 18 (and equivalents),
 * the clause in each region and why (lib/i18n keys `lint.ground.*`, `lint.why.*`). Null for
 * findings of the draft checker.
 */
export function groundReason(finding: Finding): Reason | null {
  const g = finding.ground;
  if (!g) return null;
  return reason(`lint.ground.${g.code}`, {
    clauses: reason('lint.ground.clauses', g.clauses),
    why: reason(`lint.why.${g.why}`, { word: g.word }),
  });
}

/**
 * Applies a finding's suggestion when it can replace the span as it is: one option, and a rule
 * known not to break the grammar around it (REPLACEABLE). Otherwise null: a human rewrites.
 */
export function applySuggestion(text: string, finding: Finding): string | null {
  const s = finding.suggestion;
  if (!s || !REPLACEABLE.has(finding.ruleId) || /[;(…]/.test(s) || finding.end <= finding.start) return null;
  const original = text.slice(finding.start, finding.end);
  const replacement =
    original[0] && original[0] === original[0].toUpperCase() && original[0] !== original[0].toLowerCase() ? s[0]!.toUpperCase() + s.slice(1) : s;
  return text.slice(0, finding.start) + replacement + text.slice(finding.end);
}
