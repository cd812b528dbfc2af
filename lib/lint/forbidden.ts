/**
 * Forbidden content: posts «содержащие нецензурные либо оскорбительные выражения, угрозы жизни,
 * здоровью и имуществу должностного лица, а также членов его семьи» and posts with intent to
 * harm are not processed (Yakutia п. 18; Khabarovsk п. 4; Saratov п. 16; Ivanovo п. 18).
 *
 * Obscenity: roots anchored at the start of a word after an optional prefix, never anywhere
 * inside a word (so «оскорблять», «рубля», «команда», «скипидар», «застрахуйте», «учёба»,
 * «потребитель», «Херсон» stay clean), over a normalised stream that undoes the usual
 * obfuscations: Latin and digit look-alikes, `*` for a letter, stretched and spaced letters.
 * Insults count as forbidden when addressed to a person; threats are first-person harm verbs.
 * Everything here only advises: the curator decides.
 */
import type { Finding } from './types';

// ---- normalisation with an offset map ----------------------------------------------------------

const LOOKALIKE: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'с',
  e: 'е',
  h: 'н',
  k: 'к',
  m: 'м',
  n: 'п',
  o: 'о',
  p: 'р',
  t: 'т',
  u: 'и',
  x: 'х',
  y: 'у',
  '0': 'о',
  '3': 'з',
  '4': 'ч',
  '6': 'б',
  '@': 'а',
  ё: 'е',
};
/** LOOKALIKE by UTF-16 code. */
const LOOKALIKE_CODE = new Map(Object.entries(LOOKALIKE).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));
const SPACE = 0x20;
const STAR = 0x2a;

/** The normalised stream; typed arrays: one entry per character, no garbage on long texts. */
interface Stream {
  text: string;
  /** Original offset of each character of text. */
  at: Int32Array;
  /** 1 where a character came from a run of spaced single letters («х у й»). */
  joined: Uint8Array;
}

/** A letter for the screen: Cyrillic and Latin by code range, anything else by Unicode class. */
function isLetterCode(code: number): boolean {
  if (code >= 0x430 && code <= 0x44f) return true; // а–я (the text is lowercased)
  if (code >= 0x61 && code <= 0x7a) return true; // a–z
  if (code === 0x451) return true; // ё
  if (code < 0x80) return false;
  return /\p{L}/u.test(String.fromCharCode(code));
}

/**
 * A run of ≥ 3 single letters with one space between them (the stream has only letters, `*` and
 * spaces). Starts only after a space: when a run of singles is given up, the next try starts
 * two characters on, but a run of three singles always matches, so no run is scanned twice.
 */
const SPACED_RUN = /(?<=^|\s)(?:[\p{L}*]\s){2,}[\p{L}*](?=\s|$)/gu;

/** A string from UTF-16 codes (in slices: an argument list has a limit). */
function fromCodes(codes: Uint16Array): string {
  let out = '';
  for (let from = 0; from < codes.length; from += 8192) out += String.fromCharCode(...codes.subarray(from, from + 8192));
  return out;
}

/** Lowercase, look-alikes mapped, runs of a letter collapsed, spaced single letters joined. Linear. */
function normalizeForScreen(input: string): Stream {
  const lower = input.toLowerCase();
  // toLowerCase keeps the length for Cyrillic and Latin; when it does not, offsets would drift.
  const source = lower.length === input.length ? lower : input;
  const n = source.length;
  // Pass 1: map characters; everything else becomes a space (so each character stays one code unit).
  const mapped = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const code = source.charCodeAt(i);
    if (isLetterCode(code) || code === STAR || code === 0x40)
      mapped[i] = LOOKALIKE_CODE.get(code) ?? code; // letters, * and @
    // Digits count as letters only next to letters (a phone number stays a number).
    else if (
      (code === 0x30 || code === 0x33 || code === 0x34 || code === 0x36) &&
      (isLetterCode(source.charCodeAt(i - 1)) || isLetterCode(source.charCodeAt(i + 1)))
    )
      mapped[i] = LOOKALIKE_CODE.get(code)!;
    else mapped[i] = SPACE;
  }
  // Pass 2: join runs of ≥3 single letters separated by one separator («х у й», «х.у.й»).
  const text = fromCodes(mapped);
  const drop = new Uint8Array(n);
  const inRun = new Uint8Array(n);
  for (const m of text.matchAll(SPACED_RUN)) {
    for (let k = m.index; k < m.index + m[0].length; k++) {
      inRun[k] = 1;
      if (mapped[k] === SPACE) drop[k] = 1;
    }
  }
  // Pass 3: collapse repeated letters («бляяяять» → «блять») and drop joined separators.
  const out = new Uint16Array(n);
  const at = new Int32Array(n);
  const joined = new Uint8Array(n);
  let length = 0;
  let previous = -1;
  for (let k = 0; k < n; k++) {
    if (drop[k]) continue;
    const code = mapped[k]!;
    if (code !== SPACE && code === previous) continue;
    previous = code;
    out[length] = code;
    at[length] = k;
    joined[length] = inRun[k]!;
    length += 1;
  }
  return { text: fromCodes(out.subarray(0, length)), at: at.subarray(0, length), joined: joined.subarray(0, length) };
}

// ---- obscenity --------------------------------------------------------------------------------

/** `*` stands for any one letter: each letter of a root also accepts it. */
const wild = (root: string) => root.replace(/[а-я]/g, (c) => `[${c}*]`);
const PREFIX = '(?:за|на|по|от|об|вы|до|пере|недо|раз|рас|у|при|про|под|из|ис|съ|въ|объ|отъ|подъ|разъ|изъ|о|а|с|вз|вс)?';
const PREFIX_EB = '(?:за|на|по|от|вы|до|пере|недо|раз|у|при|про|под|съ|въ|объ|отъ|подъ|разъ|изъ|вз)?';

const OBSCENE = new RegExp(
  [
    `^${PREFIX}${wild('ху')}[йеяюи*]`,
    `^${PREFIX}${wild('пизд')}`,
    `^${PREFIX}${wild('пезд')}`,
    `^${PREFIX_EB}[её*]${wild('б')}(?:[аеиоуыя*]|л|н|т|с|щ|ш|ц|$)`,
    `^(?:на|по|за|ни)${wild('х')}[е*]${wild('р')}`,
    `^${wild('бля')}(?:$|[дт*])`,
    `^${wild('бляд')}`,
    `^${PREFIX}${wild('мудак')}`,
    `^${PREFIX}${wild('мудил')}`,
    `^${wild('манд')}(?:$|[аыуео]$|ой|ец|еж|ав)`,
    `^${wild('пид')}[оа*]${wild('р')}`,
    `^${wild('пидр')}`,
    `^${PREFIX}${wild('залуп')}`,
    `^${wild('шлюх')}`,
    `^${wild('г')}[ао*]${wild('ндон')}`,
  ].join('|'),
  'u',
);
/** Innocent words that begin like a root. */
const OBSCENE_EXCEPT = /^(?:мандат|мандарин|мандолин|мандрагор|мандель|бляха|бляшк|ебола|хуан|хуис|хуито)/u;

// ---- insults and threats -----------------------------------------------------------------------

const INSULT =
  /^(?:дебил|идиот|урод(?!ств)|тварь|твар[иья]|мраз[ьиюей]|скотин|ублюд|дегенерат|кретин|придур|подон(?:ок|к)|быдл|чмо|мерзав|негодя|сволоч|гнид|дур(?:а|ак|ачь|еха|ынд)|олух|тупиц|отмороз|выродок|выродк|падл|ворюг|ворье|жулье|клоун|шакал|паразит|холуй|холуи|лизоблюд)/u;
const INSULT_AMBIGUOUS = /^(?:коз[её]л|козл|свин(?:ья|ьи|ье|ей|ота)|сук[аиуе]?$|сучар|крыс[аы]$|баран|осел|осл[ыа]|шут)/u;
/** Words that make an insult addressed: 2nd person, officials, family. */
const ADDRESSEE =
  /^(?:ты|тебя|тебе|тобой|вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего|вашей|вашим|ваших|твой|твоя|твое|твои|твоего|глав[аыуе]|мэр|мэра|губернатор|чиновник|депутат|министр|директор|начальник|администраци|власт|сотрудник|исполнител)/u;

const THREAT_VERB =
  /^(?:убь[юе]|уб[ью]ем|прибь[юе]|пришибу|зарежу|зарежем|порежу|застрелю|застрелим|пристрелю|перестреляю|перестреляем|перебь[юе]|сожгу|сожжем|спалю|спалим|подожгу|подожжем|взорву|взорвем|закопа[юе]|урою|уроем|задушу|утоплю|покалечу|изобь[юе]|отравлю|повешу|повесим|грохну|замочу|прикончу|расправлюсь|расправимся|порву|переломаю|оторву|раздавлю|уничтожу)/u;
const HARM_INFINITIVE =
  /^(?:убить|перестрелять|пристрелить|расстрелять|сжечь|спалить|поджечь|взорвать|повесить|перевешать|закопать|зарезать|отравить|утопить|прибить|замочить|уничтожить|расправиться|избить)$/u;
const HARM_MODAL = /^(?:надо|нужно|пора|стоит|следует|давайте|давай|хочу|хотим|буду|будем|готов|готовы|предлагаю)$/u;
const DEATH_WISH = /^(?:сдохни|сдохните|сдохнешь|сдохнете|подохни|подохните|издохни)$/u;
const IDIOM_AFTER = /^(?:время|день|вечер|час|выходные|полдня|неделю)$/u;

interface ScreenToken {
  word: string;
  start: number;
  end: number;
  /** Original offsets of each letter of word. */
  letters: Int32Array;
  /** Some letters were spaced out («и х у й с»): a root may start inside the token. */
  joined: boolean;
}

function screenTokens(input: string): ScreenToken[] {
  const s = normalizeForScreen(input);
  const out: ScreenToken[] = [];
  for (const m of s.text.matchAll(/[\p{L}*]+/gu)) {
    const letters = s.at.subarray(m.index, m.index + m[0].length);
    out.push({
      word: m[0],
      start: letters[0]!,
      end: letters[letters.length - 1]! + 1,
      letters,
      joined: s.joined.subarray(m.index, m.index + m[0].length).includes(1),
    });
  }
  return out;
}

/**
 * Longer than any match of OBSCENE or OBSCENE_EXCEPT (at most 9 letters: a prefix of 4 and a
 * root of 5): a root is looked for in the first letters of the rest of a token only, so a long
 * spaced-out run costs a constant per letter. A `$` in OBSCENE cannot match at the cut (it is
 * further than any match reaches), only at the real end of the word.
 */
const OBSCENE_WINDOW = 32;

/** The span of an obscene root in a token, or null. */
function obsceneSpan(token: ScreenToken): [number, number] | null {
  const word = token.word;
  // Letters (not `*`) from each start to the end of the word, counted once from the end.
  const starts = token.joined ? word.length : 1;
  const letters = new Uint32Array(starts + 1);
  let count = 0;
  for (let k = word.length - 1; k >= 0; k--) {
    if (word[k] !== '*') count += 1;
    if (k < starts) letters[k] = count;
  }
  for (let k = 0; k < starts; k++) {
    if (letters[k]! < 2) continue;
    const rest = word.slice(k, k + OBSCENE_WINDOW);
    if (OBSCENE_EXCEPT.test(rest)) continue;
    const m = OBSCENE.exec(rest);
    if (!m) continue;
    // A word: the whole token; a spaced-out run: the letters of the root only.
    if (!token.joined) return [token.start, token.end];
    const last = Math.min(token.letters.length - 1, k + Math.max(m[0].length, 3) - 1);
    return [token.letters[k]!, token.letters[last]! + 1];
  }
  return null;
}

/**
 * The screener's patterns by name, for the adversarial tests: each is tested on one word of the
 * normalised stream (anchored, bounded: constant time whatever the word's length), except
 * `screen.spaced-run`, which runs over the whole normalised stream.
 */
export const SCREEN_PATTERNS: Readonly<Record<string, RegExp>> = {
  'screen.spaced-run': new RegExp(SPACED_RUN.source, SPACED_RUN.flags), // a copy: lastIndex is state
  'screen.obscene': OBSCENE,
  'screen.obscene-except': OBSCENE_EXCEPT,
  'screen.insult': INSULT,
  'screen.insult-ambiguous': INSULT_AMBIGUOUS,
  'screen.addressee': ADDRESSEE,
  'screen.threat-verb': THREAT_VERB,
  'screen.harm-infinitive': HARM_INFINITIVE,
  'screen.harm-modal': HARM_MODAL,
  'screen.death-wish': DEATH_WISH,
  'screen.idiom-after': IDIOM_AFTER,
};

export function findForbidden(text: string): Finding[] {
  const tokens = screenTokens(text);
  const findings: Finding[] = [];
  const addressedNear = (i: number) => {
    for (let k = Math.max(0, i - 4); k <= Math.min(tokens.length - 1, i + 4); k++) if (k !== i && ADDRESSEE.test(tokens[k]!.word)) return true;
    return false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const { word, start, end } = tokens[i]!;
    const prev = tokens[i - 1]?.word;
    // A token of stars alone («***») is a censored word or a separator: not judged.
    const obscene = obsceneSpan(tokens[i]!);
    if (obscene) {
      findings.push({
        category: 'forbidden',
        ruleId: 'forbidden.obscenity',
        start: obscene[0],
        end: obscene[1],
        severity: 'error',
        message: 'Похоже, не подлежит обработке: нецензурное выражение',
      });
      continue;
    }
    if (INSULT.test(word) || INSULT_AMBIGUOUS.test(word)) {
      const addressed = addressedNear(i);
      if (addressed || INSULT.test(word)) {
        findings.push({
          category: 'forbidden',
          ruleId: 'forbidden.insult',
          start,
          end,
          severity: addressed ? 'error' : 'warning',
          message: addressed ? 'Похоже, не подлежит обработке: оскорбление' : 'Оскорбительное слово: проверьте, к кому оно обращено',
        });
      }
      continue;
    }
    const next = tokens[i + 1]?.word;
    if (THREAT_VERB.test(word) && prev !== 'не' && !(next && IDIOM_AFTER.test(next))) {
      // «Давайте подожжём…»: a call to others is intent to harm rather than a personal threat.
      const call = prev === 'давайте' || prev === 'давай';
      findings.push(
        call
          ? { category: 'forbidden', ruleId: 'forbidden.harm', start, end, severity: 'error', message: 'Похоже, не подлежит обработке: призыв причинить вред' }
          : { category: 'forbidden', ruleId: 'forbidden.threat', start, end, severity: 'error', message: 'Похоже, не подлежит обработке: угроза' },
      );
      continue;
    }
    if (
      DEATH_WISH.test(word) ||
      ((word === 'сдох' || word === 'сдохла' || word === 'сдохли') &&
        (prev === 'чтоб' || prev === 'чтобы' || tokens[i - 2]?.word === 'чтоб' || tokens[i - 2]?.word === 'чтобы'))
    ) {
      findings.push({
        category: 'forbidden',
        ruleId: 'forbidden.threat',
        start,
        end,
        severity: 'error',
        message: 'Похоже, не подлежит обработке: пожелание смерти',
      });
      continue;
    }
    if (HARM_INFINITIVE.test(word) && !(next && IDIOM_AFTER.test(next))) {
      const before = tokens.slice(Math.max(0, i - 3), i).map((t) => t.word);
      if (before.some((w) => HARM_MODAL.test(w)) && !before.includes('не')) {
        findings.push({
          category: 'forbidden',
          ruleId: 'forbidden.harm',
          start,
          end,
          severity: 'error',
          message: 'Похоже, не подлежит обработке: намерение причинить вред',
        });
      }
    }
  }
  return findings;
}
