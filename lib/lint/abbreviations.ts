/**
 * Jargon by class (issue 20): abbreviations never expanded in the answer («МКД», «ПСД», «ОДПУ»,
 * «ВиК», «КНС-3») and references to legal acts by number («ст. 161 ЖК РФ», «ПП РФ № 354»,
 * «ФЗ № 59-ФЗ»). An abbreviation expanded once in the same answer, before or where it is first
 * used («многоквартирный дом (МКД)», «МКД (многоквартирный дом)»), is fine from there on.
 * Widely known abbreviations (РФ, МЧС, ГИБДД, СНИЛС, ООО…) are not flagged.
 */
import type { Token } from './lexicon';
import type { Finding } from './types';

/** Known to everyone: not jargon. */
const KNOWN = new Set(
  (
    'рф рс сша ссср мчс мвд гибдд гаи дпс фсб фсин омвд овд дтп чп сми смс снилс инн омс дмс загс вуз егэ огэ тв ип ооо оао зао ао пао нко ржд жкх ' +
    'вов сво тц дк жд црб црб ну др гг тыс млн млрд руб кв км ул пр пос им ст тел каб вк ок мтс мгц ссылк рэо'
  ).split(' '),
);

/** Plain words for the abbreviations officials use most with citizens (the rest: «расшифруйте»). */
const PLAIN: Readonly<Record<string, string>> = {
  мкд: 'многоквартирный дом; дом',
  тко: 'мусор',
  кго: 'крупный мусор (мебель, техника)',
  кгм: 'крупный мусор (мебель, техника)',
  жбо: 'откачка выгребных ям',
  хвс: 'холодная вода',
  гвс: 'горячая вода',
  во: 'канализация',
  вик: 'водопровод и канализация',
  ук: 'управляющая компания',
  тсж: 'товарищество собственников жилья (ТСЖ)',
  псд: 'проект и смета',
  смр: 'строительные работы',
  ижс: 'частный дом',
  лбо: 'деньги в бюджете',
  одпу: 'общий счётчик дома',
  ипу: 'счётчик в квартире',
  рсо: 'поставщик воды, тепла, света',
  осс: 'общее собрание жильцов',
  одн: 'общие расходы дома',
  сои: 'общие расходы дома',
  ои: 'общее имущество дома (подъезды, крыша, подвал)',
  жку: 'коммунальные услуги',
  ку: 'коммунальные услуги',
  фап: 'медпункт',
  усзн: 'соцзащита',
  сфр: 'Социальный фонд',
  гжи: 'жилищная инспекция',
  мфц: 'МФЦ «Мои документы»',
  еддс: 'единая дежурная служба',
  едв: 'ежемесячная выплата',
  омсу: 'администрация',
  тп: 'трансформаторная подстанция',
  цтп: 'тепловой пункт',
  итп: 'тепловой пункт дома',
  кнс: 'насосная станция канализации',
  взу: 'водозабор',
  лэп: 'линия электропередачи',
  нто: 'киоск; павильон',
  уds: 'дороги',
  удс: 'дороги',
  рап: 'программа переселения из аварийного жилья',
  мвк: 'межведомственная комиссия',
  рло: 'бесплатные лекарства (региональные льготы)',
  онлс: 'бесплатные лекарства (федеральные льготы)',
  пгс: 'песчано-гравийная смесь; щебень с песком',
};

/** Acts and codes cited by their abbreviation. */
const LEGAL_CODE = new Set('жк гк нк коап гпк апк тк зк грк бк кас фз пп санпин снип гост сп'.split(' '));
/** Words that name an act cited by number («Постановлением … № 354», «Правил № 491»). */
const LEGAL_ACT = /^(?:постановлени|приказ|распоряжени|правил|закон|фз|пп|указ|решени)/u;
/** Words that point into an act («ст. 161», «п. 2.3», «ч. 1»). */
const LEGAL_POINTER = /^(?:ст|статья|статьи|статье|статьей|п|пп|пункт|пункта|пункте|ч|части|часть|абз|подп)$/u;

/** An abbreviation as written: ≥ 2 capitals among Cyrillic letters, ≤ 7 letters, maybe «-12» after. */
const ABBREVIATION = /^(?=(?:[^А-ЯЁ]*[А-ЯЁ]){2})[А-ЯЁ][А-ЯЁа-яё]{1,6}(?:-\d{1,4})?$/u;
const VOWELS = /[аеёиоуыэюя]/giu;

function isAbbreviation(raw: string): boolean {
  if (raw.length > 12 || !ABBREVIATION.test(raw)) return false;
  const letters = raw.replace(/-\d+$/u, '');
  // All capitals and long: a shouted word («СРОЧНО», «ВНИМАНИЕ»), unless it has few vowels («МБДОУ»).
  if (letters === letters.toUpperCase() && letters.length >= 5) return (letters.match(VOWELS)?.length ?? 0) <= (letters.length === 5 ? 2 : 1);
  return true;
}

export interface AbbreviationRule {
  id: string;
  message: string;
}
export const ABBREVIATION_RULES = {
  abbreviation: { id: 'jargon.abbreviation', message: 'Сокращение без расшифровки: жители его не знают' },
  legal: { id: 'jargon.legal-reference', message: 'Ссылка на акт по номеру: скажите, что он значит для жителя' },
} as const;

/** The key of an abbreviation: lowercase, ё → е, the number after a hyphen dropped («КНС-3» → «кнс»). */
const keyOf = (norm: string) => norm.replace(/-\d+$/u, '');

/**
 * Abbreviations expanded in the text: written in parentheses after words («… дом (МКД)»), or
 * followed by parentheses with lowercase words («МКД (многоквартирный дом)»). Offsets of the
 * expansion: from there on the abbreviation is fine.
 */
function expansions(text: string, tokens: Token[], raw: (t: Token) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isAbbreviation(raw(t))) continue;
    const before = text.slice(Math.max(0, t.start - 2), t.start);
    const after = text.slice(t.end, t.end + 3);
    const inParens = before.endsWith('(') && after.startsWith(')') && i > 0;
    const nextParen = /^\s*\(\s*[а-яё]/u.test(after) || /^\s\(/u.test(after);
    if (inParens || nextParen) {
      const key = keyOf(t.norm);
      if (!out.has(key)) out.set(key, t.start);
    }
  }
  return out;
}

export function abbreviationFindings(text: string, tokens: Token[], enabled: (id: string) => boolean): Finding[] {
  const out: Finding[] = [];
  const raw = (t: Token) => text.slice(t.start, t.end);
  const expanded = expansions(text, tokens, raw);
  const legalOn = enabled(ABBREVIATION_RULES.legal.id);
  const abbrOn = enabled(ABBREVIATION_RULES.abbreviation.id);
  let coveredTo = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.start < coveredTo) continue;
    const key = keyOf(t.norm);
    // A legal act: a code's abbreviation, or an act's name with «№ N», and its pointers.
    if (legalOn) {
      let end = -1;
      if (LEGAL_CODE.has(key) && isAbbreviation(raw(t))) end = i;
      else if (LEGAL_ACT.test(t.norm)) {
        for (let j = i + 1; j <= i + 4 && j < tokens.length && tokens[j]!.sentence === t.sentence; j++) {
          if (/^\d/u.test(tokens[j]!.norm) && text.slice(tokens[j - 1]!.end, tokens[j]!.start).includes('№')) {
            end = j;
            break;
          }
        }
      }
      if (end >= 0) {
        let start = i;
        while (
          start > 0 &&
          i - start < 3 &&
          tokens[start - 1]!.sentence === t.sentence &&
          (LEGAL_POINTER.test(tokens[start - 1]!.norm) || /^\d/u.test(tokens[start - 1]!.norm))
        )
          start -= 1;
        while (
          end + 1 < tokens.length &&
          tokens[end + 1]!.sentence === t.sentence &&
          end - i < 4 &&
          (/^(?:рф|№)$/u.test(tokens[end + 1]!.norm) || /^\d[\d.-]*(?:-?фз)?$/u.test(tokens[end + 1]!.norm) || /^\d/u.test(tokens[end + 1]!.norm))
        )
          end += 1;
        if (start < i || end > i || LEGAL_CODE.has(key)) {
          out.push({
            category: 'jargon',
            ruleId: ABBREVIATION_RULES.legal.id,
            start: tokens[start]!.start,
            end: tokens[end]!.end,
            message: ABBREVIATION_RULES.legal.message,
            suggestion: 'по закону… (перескажите, что он требует)',
            severity: 'info',
          });
          coveredTo = tokens[end]!.end;
          continue;
        }
      }
    }
    if (!abbrOn || !isAbbreviation(raw(t)) || KNOWN.has(key)) continue;
    const at = expanded.get(key);
    if (at !== undefined && at <= t.start) continue;
    const plain = PLAIN[key];
    out.push({
      category: 'jargon',
      ruleId: ABBREVIATION_RULES.abbreviation.id,
      start: t.start,
      end: t.end,
      message: ABBREVIATION_RULES.abbreviation.message,
      suggestion: plain ?? 'расшифруйте при первом упоминании',
      severity: 'info',
    });
  }
  return out;
}

/** Whether an abbreviation at this token was expanded earlier in the text (lexical jargon rules ask). */
export function expandedAbbreviations(text: string, tokens: Token[]): Map<string, number> {
  return expansions(text, tokens, (t) => text.slice(t.start, t.end));
}
export { isAbbreviation, keyOf };

/** The patterns by name, for the adversarial tests (each tested on one word). */
export const ABBREVIATION_PATTERNS: Readonly<Record<string, RegExp>> = {
  'jargon.abbreviation': ABBREVIATION,
  'jargon.legal-act': LEGAL_ACT,
  'jargon.legal-pointer': LEGAL_POINTER,
};
