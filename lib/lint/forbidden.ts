/**
 * Forbidden content: posts «содержащие нецензурные либо оскорбительные выражения, угрозы жизни,
 * здоровью и имуществу должностного лица, а также членов его семьи» and posts with intent to
 * harm are not processed (Yakutia п. 18; Khabarovsk п. 4; Saratov п. 16; Ivanovo п. 18). Each
 * finding names its ground and why (`ground`: a code, the clause in each region, the words that
 * decided it; the UI says it through lib/i18n, see groundReason in ./index.ts).
 *
 * Obscenity: roots anchored at the start of a word after an optional prefix, never anywhere
 * inside a word (so «оскорблять», «рубля», «команда», «скипидар», «застрахуйте», «учёба»,
 * «потребитель», «Херсон», «хулиган» stay clean), over a normalised stream that undoes the usual
 * obfuscations: Latin and digit look-alikes, transliterated letters, `*` and `@` for a letter,
 * stretched and spaced letters. A capitalised word inside a sentence is a name or a place
 * («в Хуюте», «хирургу Ебелю») and is not judged.
 * Insults: words that insult whoever they name («бездельники», «мразь»: an error when aimed at a
 * person, an official, a body or a group, a warning otherwise), and words that insult only when
 * aimed («козёл», «вор», «курица»). Criticism of work («работа не сделана») names no one.
 * Threats: first-person harm verbs («убью», «подожгу») and implied threats by phrase («найду
 * тебя», «ответите за это», «знаю, где ты живёшь», «пока ноги целы»). Intent to harm: a harm
 * verb after a modal or a call («надо сжечь», «давайте подожжём», «вот бы … пристрелил»).
 * Reported speech and quotes («он сказал, что убьёт», «кричал «всех перестреляю»») are a
 * complaint: a warning for the curator, not a ground. Idioms («убью время», «хоть вешайся»),
 * negations and lawful demands («ответите по закону») do not flag.
 * Everything here only advises: the curator decides.
 */
import type { Finding, ScreenGround } from './types';

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
  // Transliteration inside a Cyrillic word («пиzдец», «бlять»): letters with one reading.
  z: 'з',
  d: 'д',
  l: 'л',
  i: 'и',
  g: 'г',
  s: 'с',
  v: 'в',
  j: 'й',
  f: 'ф',
  '0': 'о',
  '3': 'з',
  '4': 'ч',
  '6': 'б',
  '@': '*',
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
    if (code >= 0x430 && code <= 0x44f)
      mapped[i] = code; // а–я: most of the text, nothing to map
    else if (isLetterCode(code) || code === STAR || code === 0x40)
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
    if (code !== SPACE && code !== STAR && code === previous) continue;
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
const PREFIX = '(?:за|на|по|от|об|вы|до|пере|недо|раз|рас|у|при|про|под|из|ис|съ|въ|объ|отъ|подъ|разъ|изъ|о|а|с|вз|вс|ни)?';
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
    // Issue 20: «хер» and its derivatives, «хули», «мудачьё», «ёпт».
    `^(?:на|по|за|ни)?${wild('хер')}(?:$|[аоуе]$|ом$|ня|ни|ов|ну|ач|ово)`,
    `^${wild('хул')}[иьея]$`,
    `^${PREFIX}${wild('муда')}[чк]`,
    `^[её*]${wild('пт')}[аы]?$`,
    `^[её*]${wild('пта')}$`,
  ].join('|'),
  'u',
);
/** Innocent words that begin like a root. */
const OBSCENE_EXCEPT = /^(?:мандат|мандарин|мандолин|мандрагор|мандель|бляха|бляшк|ебола|хуан|хуис|хуито|херсон|херес|херувим|суками|сукн|сукр)/u;

// ---- insults, threats, intent to harm ----------------------------------------------------------

/** Insults aimed at a person or a group, whatever their addressee («бездельники», not «работа не сделана»). */
const INSULT =
  /^(?:дебил|идиот|урод(?!ств|лив)|тварь|твар[иья]|мраз[ьиюей]|мразот|скотин|скоты|скотов|скотам|ублюд|дегенерат|кретин|придур|подон(?:ок|к)|быдл|чмо|мерзав|негодя|сволоч|гнид|дур(?:а|ак|ачь|еха|ынд|очк)|дуры$|олух|тупиц|отмороз|выродок|выродк|падл|ворюг|ворье|жулье|жулик|клоун|шакал|паразит|холуй|холуи|лизоблюд|бездельн|тунеяд|ничтожеств|недоум|хамл|хабалк|бестолоч|трепл|бездар|пьянь|алкаш|гадин|лжец|лжецы|лгун|дармоед|нахлебник|кровопийц|кровосос|упыр|вурдалак|безмозгл|мерзк(?:ая|ий|ие|ое)$)/u;
/** Words that insult only when aimed at someone («козёл» the animal, «свинья» the animal). */
const INSULT_AMBIGUOUS =
  /^(?:коз[её]л|козл|свин(?:ья|ьи|ье|ей|ота)|крыс[аы]$|баран|осел|осл[ыа]|шут|вор$|воры$|воров$|ворами$|корова$|курица$|курицы$|боров$|борова$|ведьм|животн(?:ое|ые)$|шкур[аы]$|лентя|гад$|гады$|гадов$|пустое$|жаб[аы]$|дятел$|дятлы$|овц[аы]$|индюк|скотобаз|конченн?(?:ый|ая|ые|ое)$)/u;
/** Words that make an insult addressed: 2nd person, officials and staff, family. */
const ADDRESSEE =
  /^(?:ты|тебя|тебе|тобой|вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего|вашей|вашим|ваших|твой|твоя|твое|твои|твоего|эй|глав[аыуе]|мэр|мэра|мэрии|мэрия|губернатор|чиновни|депутат|министр|директор|начальни|администраци|власт|сотрудни|исполнител|врач|главврач|заведующ|участков|судья|судьи|управляющ|управляйк|управ[аыеу]$|жэк|бюрократ|председател|руководител|специалист|оператор|водител|кондуктор|учител|воспитател|полицейск|прокурор|следовател|инспектор|депутаты|чиновники|регистратур|приемн|поликлиник|больниц|мфц|соцзащит|жкх|министерств|департамент|паспортн|коммунальщик|чинуш)/u;

/** First-person harm verbs: the post itself threatens. */
const THREAT_VERB =
  /^(?:убь[юе]|уб[ью]ем|прибь[юе]|пришибу|зарежу|зарежем|порежу|застрелю|застрелим|пристрелю|пристрелим|перестреляю|перестреляем|перебь[юе]|сожгу|сожем|спалю|спалим|подожгу|подожем|разнесу|разнесем|подкараулю|подкараулим|проучу|проучим|подстерегу|подстережем|взорву|взорвем|закопа[юе]|урою|уроем|задушу|придушу|утоплю|покалечу|искалечу|изобь[юе]|отравлю|повешу|повесим|грохну|замочу|прикончу|расправлюсь|расправимся|порву|переломаю|оторву|раздавлю|уничтожу|зарублю|прирежу|укокошу|размажу|разорву)/u;
/** Infinitives and imperfective infinitives of harm, for intent («надо сжечь», «вешать надо»). */
const HARM_INFINITIVE =
  /^(?:убить|убивать|перестрелять|пристрелить|застрелить|растрелять|растреливать|отстреливать|отстрелять|сжечь|спалить|поджечь|поджигать|взорвать|повесить|вешать|перевешать|закопать|зарезать|отравить|травить|потравить|утопить|прибить|замочить|уничтожить|расправиться|избить|побить|задушить|придушить|подкараулить|проучить|покалечить|набить|бить|громить|разгромить|разнести|линчевать)$/u;
/** Past forms after «бы» («вот бы кто-нибудь пристрелил»). */
const HARM_PAST =
  /^(?:убил|убили|пристрелил|пристрелили|застрелил|застрелили|повесил|повесили|сжег|сжегли|спалил|спалили|взорвал|взорвали|отравил|отравили|зарезал|зарезали|придушил|задушил|прибил|прибили|грохнул|замочил)$/u;
const HARM_MODAL =
  /^(?:надо|нужно|пора|стоит|следует|давайте|давай|пойдемте|пойдем|хочу|хотим|хочется|буду|будем|готов|готовы|предлагаю|предлагаем|бы|можно|мечтаю)$/u;
const DEATH_WISH = /^(?:сдохни|сдохните|сдохнешь|сдохнете|подохни|подохните|издохни|сдохнут|сдохнуть)$/u;
const IDIOM_AFTER = /^(?:время|день|вечер|час|выходные|полдня|неделю|бюджет|тарифы|тариф|цены|отписки|отписку|нервы|здоровье|желание|настроение)$/u;
/** Verbs that report someone else's words: a threat inside them is a complaint («он сказал, что убьёт»). */
const REPORTING =
  /^(?:сказал|сказала|сказали|говорит|говорил|говорила|говорят|кричал|кричала|кричит|кричали|обещал|обещала|обещали|пообещал|пообещала|угрожает|угрожал|угрожала|угрожают|угрожали|грозится|грозился|грозилась|грозят|пишет|написал|написала|написали|пишут|заявил|заявила|ответил|ответила|ответили|обозвал|обозвала|обозвали|назвал|назвала|назвали|орал|орала|сказано|оскорбил|оскорбила|заявляет|утверждает)$/u;

/**
 * Implied threats: phrases, not verbs («найду тебя», «ответишь за это», «знаю, где ты живёшь»,
 * «пусть не удивляется, если его дом загорится»). Slots separated by spaces, each an anchored
 * alternation of word starts (`слово$` for a whole word); `…N` lets N words pass.
 */
const THREAT_PHRASES: ReadonlyArray<readonly [id: string, pattern: string]> = [
  [
    'find',
    'найду|найдем|найдём|достану|достанем|доберусь|доберемся|вычислю|вычислим …3 тебя$|вас$|тебе$|вам$|где$|его$|ее$|их$|твою|вашу|твоих|ваших|всех$|каждого|земли$',
  ],
  ['find-after', 'тебя$|вас$|его$|тебе$|вам$ …4 найду|найдем|достану|достанем|урою|уроем|накажу|проучу|доберусь|доберемся'],
  ['underground', 'из$ под$ земли$ достан|найд'],
  ['answer-for', 'ответишь|ответите|поплатишься|поплатитесь|пожалеешь|пожалеете|пожалеет|пожалеют'],
  ['end', 'тебе$|вам$|ему$|ей$|им$ …1 конец$|хана$|крышка$|кранты$|несдобровать'],
  ['end-after', 'конец$|хана$|кранты$|несдобровать …2 тебе$|вам$|ему$|ей$|им$|всем$'],
  ['not-live', 'не$ жить$|поздоровится|сдобровать'],
  ['guests', 'жди|ждите гостей|расплаты'],
  ['look-back', 'оглядывайся|оглядывайтесь|бойся$|бойтесь$'],
  ['dark-nights', 'ночи$ темные|темн'],
  ['not-long', 'недолго$ …2 ходить|жить|гулять|радоваться|сидеть|дышать'],
  ['know-where', 'знаю|знаем …6 где$ …2 живешь|живете|живет|живут|учатся|учится|ходят|ходит|работаешь|работает|спишь'],
  ['nothing-happens', 'чтобы|чтоб$ …5 ничего$ не$ случилось|случится|произошло'],
  ['blow-burn', 'ваш|твой|твоя|ваша|его$|ее$ …3 взлетит|взлетят|сгорит|сгорят|загорится|загорятся|вспыхнет|полыхнет'],
  ['come-armed', 'приду|приеду|придем|приедем|заявлюсь|зайду|явлюсь …4 ружь|канистр|топор|бит$|битой|ножом|обрез|оружи|бензин|автомат|гранат'],
  [
    'beat',
    'набью|набьем|начищу|разобью|сверну|сверну|проломлю|откручу|оторву|расшибу|пробью|переломаю …3 морд|лиц|рож|башк|голов|шею|ноги|руки|зуб|череп|хребет|кост|ребра|ебал|хлебал',
  ],
  ['beat-after', 'морд|рож|башк|голов|шею|ноги|руки|зуб|череп|хребет …1 набью|набьем|начищу|разобью|сверну|проломлю|откручу|оторву|расшибу|пробью|переломаю'],
  ['deal-with', 'разберусь|разберемся|разберёмся|расправлюсь|расправимся …2 с$ тобой|вами$|ним$|ней$|ними$|каждым'],
  ['come-for', 'придем|придут|приду|придём|идем|идём …1 за$ вами|тобой|ним$|ней$|вашими|твоими'],
  ['blood', 'кровью|головой$|жизнью'],
  ['unguarded', 'без$ охраны'],
  ['not-little', 'мало$ не$ покажется'],
  ['arrange', 'устрою|устроим …2 тебе$|вам$|веселую|сладкую|пожар|ад$|адскую'],
  ['arrange-after', 'тебе$|вам$ …1 устрою|устроим'],
  ['while-whole', 'пока$ …2 цел$|цела$|целы$|жив$|жива$|живы$'],
  ['come-home', 'к$ вам$|тебе$|тебя$ домой'],
  ['will-get-it', 'дождетесь|дождешься|доиграетесь|доиграешься|допрыгаетесь|допрыгаешься|добалуетесь'],
  ['blood-wash', 'умоет|умоешь …1 кровью|кровавыми'],
  ['blood-wash-after', 'кровью …1 умоет|умоешь'],
  ['hold-on', 'ну$ держись|держитесь|погоди|погодите'],
  ['narrow-path', 'на$ узкой$ дорожке|тропинке'],
  ['meet-dark', 'встретимся|встречу|встретим …3 темн|вечерком|подъезд|переулк'],
  ['echo', 'аукнется|аукнутся|отольются|отольется|припомню|припомним'],
  ['pray', 'молись|молитесь'],
  ['pitchforks', 'на$ вилы'],
  ['something-happens', 'что-то|что-нибудь|чего|что$ …1 случится|случилось|произойдет|произошло'],
];

type Slot = { re: RegExp; gap: number };
function compilePhrase(pattern: string): Slot[] {
  const slots: Slot[] = [];
  for (const part of pattern.split(' ')) {
    const gap = /^…(\d)$/u.exec(part);
    if (gap) {
      slots[slots.length - 1]!.gap = Number(gap[1]);
      continue;
    }
    // The stream has runs of a letter collapsed («пожалеешь» → «пожалешь»): so have the patterns.
    const alts = part.split('|').map((a) => a.replace(/(\p{L})\1+/gu, '$1'));
    slots.push({ re: new RegExp(`^(?:${alts.join('|')})`, 'u'), gap: 0 });
  }
  return slots;
}
const PHRASES = THREAT_PHRASES.map(([id, pattern]) => ({ id, slots: compilePhrase(pattern) }));
/** Any phrase's first word: one test per token before the phrases are tried one by one. */
const PHRASE_START = new RegExp(`^(?:${PHRASES.map(({ slots }) => slots[0]!.re.source.slice(1)).join('|')})`, 'u');
/** «answer-for» and «blood» are lawful or idiomatic next to these («ответите по закону», «перед судом»). */
const LAWFUL = /^(?:по$|перед$|в$|суд|закон|прокурор|выбор|избират)/u;

interface ScreenToken {
  word: string;
  start: number;
  end: number;
  /** Original offsets of each letter of word. */
  letters: Int32Array;
  /** Some letters were spaced out («и х у й с»): a root may start inside the token. */
  joined: boolean;
  sentence: number;
  /** Inside quotation marks. */
  quoted: boolean;
  /** A capital then small letters, not first in its sentence: a name or a place. */
  proper: boolean;
  /** A dash just before («Глава — вор»): a predicate about someone named before. */
  dashBefore: boolean;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function screenTokens(input: string): ScreenToken[] {
  const s = normalizeForScreen(input);
  const out: ScreenToken[] = [];
  let sentence = 0;
  let quoted = false;
  let last = 0;
  for (const m of s.text.matchAll(/[\p{L}*]+/gu)) {
    const letters = s.at.subarray(m.index, m.index + m[0].length);
    const start = letters[0]!;
    let dash = false;
    let broke = false;
    for (let k = last; k < start; k++) {
      const c = input.charCodeAt(k);
      if (c === 0x20) continue;
      if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x0a) {
        if (out.length) broke = true;
      } else if (c === 0xab || c === 0x201e || c === 0x201c) quoted = true;
      else if (c === 0xbb || c === 0x201d) quoted = false;
      else if (c === 0x22) quoted = !quoted;
      else if (c === 0x2014 || c === 0x2013 || (c === 0x2d && input.charCodeAt(k - 1) === 0x20)) dash = true;
    }
    if (broke) sentence += 1;
    let joined = false;
    for (let k = m.index, e = m.index + m[0].length; k < e && !joined; k++) joined = s.joined[k] === 1;
    const first = input[start] ?? '';
    const second = input[start + 1] ?? '';
    out.push({
      word: m[0],
      start,
      end: letters[letters.length - 1]! + 1,
      letters,
      joined,
      sentence,
      quoted,
      proper: !joined && out.length > 0 && !broke && out[out.length - 1]!.sentence === sentence && UPPER.test(first) && LOWER.test(second),
      dashBefore: dash,
    });
    last = letters[letters.length - 1]! + 1;
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
  if (!token.joined) {
    // One start: the word needs two letters (not `*`); stars before it are markup («**Начальник»).
    let from = 0;
    while (from < word.length && word.charCodeAt(from) === STAR) from += 1;
    let letters = 0;
    for (let k = from; k < word.length && letters < 2; k++) if (word.charCodeAt(k) !== STAR) letters += 1;
    if (letters < 2) return null;
    const rest = word.slice(from, from + OBSCENE_WINDOW);
    return !OBSCENE_EXCEPT.test(rest) && OBSCENE.test(rest) ? [token.start, token.end] : null;
  }
  // Letters (not `*`) from each start to the end of the word, counted once from the end.
  const starts = word.length;
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
  'screen.harm-past': HARM_PAST,
  'screen.harm-modal': HARM_MODAL,
  'screen.death-wish': DEATH_WISH,
  'screen.idiom-after': IDIOM_AFTER,
  'screen.reporting': REPORTING,
  'screen.lawful': LAWFUL,
  'screen.phrase-start': PHRASE_START,
  ...Object.fromEntries(PHRASES.flatMap(({ id, slots }) => slots.map((slot, k) => [`screen.phrase.${id}.${k}`, slot.re]))),
};

// ---- grounds -------------------------------------------------------------------------------------

/**
 * The clause of each regulation that lets a post go unprocessed for forbidden content (нецензурные
 * либо оскорбительные выражения, угрозы жизни, здоровью и имуществу должностного лица и членов его
 * семьи): the same ground in four regions.
 */
export const GROUND_CLAUSES = { yakutia: 18, khabarovsk: 4, saratov: 16, ivanovo: 18 } as const;
export type GroundCode = ScreenGround['code'];
/** Why the finding supports its ground: a code with the words that decided it (said by the UI, lib/i18n). */
export type WhyCode = ScreenGround['why'];

const MESSAGES: Record<string, string> = {
  obscenity: 'Похоже, не подлежит обработке: нецензурное выражение',
  insult: 'Похоже, не подлежит обработке: оскорбление',
  'insult-warning': 'Оскорбительное слово: проверьте, к кому оно обращено',
  threat: 'Похоже, не подлежит обработке: угроза',
  'threat-implied': 'Похоже, не подлежит обработке: угроза (скрытая)',
  'death-wish': 'Похоже, не подлежит обработке: пожелание смерти',
  harm: 'Похоже, не подлежит обработке: намерение причинить вред',
  'harm-call': 'Похоже, не подлежит обработке: призыв причинить вред',
  reported: 'Пересказ чужих слов или цитата: это жалоба, обычно подлежит обработке — проверьте',
};

function finding(ground: GroundCode, why: WhyCode, start: number, end: number, severity: 'error' | 'warning', message: string, word: string): Finding {
  return {
    category: 'forbidden',
    ruleId: `forbidden.${ground}`,
    start,
    end,
    severity,
    message,
    ground: { code: ground, why, word, clauses: GROUND_CLAUSES },
  };
}

// ---- the screen --------------------------------------------------------------------------------

function matchPhrase(tokens: ScreenToken[], i: number, slots: Slot[]): number {
  let at = i;
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s]!;
    if (s > 0) {
      const prev = slots[s - 1]!;
      let found = -1;
      for (let k = at; k <= at + prev.gap && k < tokens.length && tokens[k]!.sentence === tokens[i]!.sentence; k++) {
        if (slot.re.test(tokens[k]!.word)) {
          found = k;
          break;
        }
      }
      if (found < 0) return -1;
      at = found + 1;
    } else {
      if (!slot.re.test(tokens[at]!.word)) return -1;
      at += 1;
    }
  }
  return at;
}

export function findForbidden(text: string): Finding[] {
  const tokens = screenTokens(text);
  const findings: Finding[] = [];
  const n = tokens.length;
  const inSentence = (i: number, k: number) => k >= 0 && k < n && tokens[k]!.sentence === tokens[i]!.sentence;
  const addressedNear = (i: number) => {
    if (tokens[i]!.dashBefore || tokens[i - 1]?.dashBefore) return true;
    for (let k = Math.max(0, i - 4); k <= Math.min(n - 1, i + 4); k++)
      if (k !== i && (ADDRESSEE.test(tokens[k]!.word) || (tokens[k]!.proper && inSentence(i, k)))) return true;
    return false;
  };
  /** Someone else's words: quoted, or after a verb of saying in the same sentence not said by «я/мы». */
  const reported = (i: number) => {
    if (tokens[i]!.quoted) return true;
    for (let k = i - 1; k >= Math.max(0, i - 8) && inSentence(i, k); k--) {
      if (REPORTING.test(tokens[k]!.word)) {
        const subject = tokens[k - 1]?.word;
        return !(subject === 'я' || subject === 'мы' || tokens[k - 2]?.word === 'я');
      }
    }
    return false;
  };
  let coveredTo = -1;
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    const { word, start, end } = token;
    const prev = tokens[i - 1]?.word;
    const next = tokens[i + 1]?.word;
    // Obscenity: a name or a place that happens to look like a root is not judged («в Хуюте»).
    const obscene = obsceneSpan(token);
    if (obscene && !(token.proper && !word.includes('*'))) {
      const masked = word.includes('*') || token.joined || /[a-z0-9@]/iu.test(text.slice(start, end));
      findings.push(
        finding(
          'obscenity',
          masked ? 'obscene-masked' : 'obscene-root',
          obscene[0],
          obscene[1],
          'error',
          MESSAGES.obscenity!,
          text.slice(obscene[0], obscene[1]),
        ),
      );
      continue;
    }
    if (i < coveredTo) continue;
    // Insults.
    const strong = INSULT.test(word);
    if ((strong || INSULT_AMBIGUOUS.test(word)) && prev !== 'не' && !token.proper) {
      const addressed = addressedNear(i);
      if (reported(i)) {
        findings.push(finding('insult', 'reported', start, end, 'warning', MESSAGES.reported!, word));
        continue;
      }
      if (addressed) {
        findings.push(finding('insult', 'insult-addressed', start, end, 'error', MESSAGES.insult!, word));
        continue;
      }
      if (strong) {
        findings.push(finding('insult', 'insult-word', start, end, 'warning', MESSAGES['insult-warning']!, word));
        continue;
      }
    }
    // Threats: a first-person harm verb.
    if (THREAT_VERB.test(word) && prev !== 'не' && !(next && IDIOM_AFTER.test(next))) {
      let call = false;
      for (let k = i - 1; k >= i - 5 && inSentence(i, k); k--) if (/^(?:давайте|давай|пойдемте|пойдем|айда)$/u.test(tokens[k]!.word)) call = true;
      if (reported(i)) findings.push(finding('threat', 'reported', start, end, 'warning', MESSAGES.reported!, word));
      else if (call) findings.push(finding('harm', 'harm-call', start, end, 'error', MESSAGES['harm-call']!, word));
      else findings.push(finding('threat', 'threat-verb', start, end, 'error', MESSAGES.threat!, word));
      continue;
    }
    if (
      DEATH_WISH.test(word) ||
      ((word === 'сдох' || word === 'сдохла' || word === 'сдохли') &&
        (prev === 'чтоб' || prev === 'чтобы' || tokens[i - 2]?.word === 'чтоб' || tokens[i - 2]?.word === 'чтобы'))
    ) {
      if (reported(i)) findings.push(finding('threat', 'reported', start, end, 'warning', MESSAGES.reported!, word));
      else findings.push(finding('threat', 'death-wish', start, end, 'error', MESSAGES['death-wish']!, word));
      continue;
    }
    // Intent to harm: an infinitive after a modal («надо сжечь», «вешать надо», «отравить бы»).
    const infinitive = HARM_INFINITIVE.test(word);
    if ((infinitive || HARM_PAST.test(word)) && !(next && IDIOM_AFTER.test(next))) {
      const window: string[] = [];
      for (let k = Math.max(0, i - 6); k <= i + 2 && k < n; k++) if (k !== i && inSentence(i, k)) window.push(tokens[k]!.word);
      const modal = infinitive ? window.some((w) => HARM_MODAL.test(w)) : window.includes('бы');
      const negated = window.slice(0, 6).includes('не') || prev === 'не';
      if (modal && !negated) {
        if (reported(i)) findings.push(finding('harm', 'reported', start, end, 'warning', MESSAGES.reported!, word));
        else findings.push(finding('harm', 'harm-intent', start, end, 'error', MESSAGES.harm!, word));
        continue;
      }
    }
    // Implied threats: phrases.
    if (!PHRASE_START.test(word)) continue;
    for (const { id, slots } of PHRASES) {
      const stop = matchPhrase(tokens, i, slots);
      if (stop < 0) continue;
      if ((id === 'answer-for' || id === 'blood') && tokens.slice(stop, stop + 4).some((t) => t.sentence === token.sentence && LAWFUL.test(t.word))) continue;
      if (id === 'blood' && !tokens.slice(Math.max(0, i - 3), i).some((t) => /^(?:ответ|заплат|поплат)/u.test(t.word))) continue;
      if (id === 'unguarded' && !tokens.slice(Math.max(0, i - 6), i).some((t) => /^(?:твои|ваши|твоя|ваша|твой|ваш|его|ее)$/u.test(t.word))) continue;
      if (id === 'look-back' && tokens.slice(Math.max(0, i - 3), i).some((t) => t.word === 'не')) continue;
      // «знаю, где ты живёшь», not «знаю, где живёт моя совесть»: a second person or an official.
      if (
        id === 'know-where' &&
        !(
          /(?:шь|те)$/u.test(tokens[stop - 1]!.word) ||
          tokens.slice(Math.max(i + 1, stop - 4), stop + 3).some((t) => t.sentence === token.sentence && ADDRESSEE.test(t.word))
        )
      )
        continue;
      // «жаль будет, если с ней что-то случится»: aimed at someone (a second person in the sentence).
      if (
        id === 'something-happens' &&
        !tokens
          .slice(Math.max(0, i - 10), stop + 6)
          .some((t) => t.sentence === token.sentence && /^(?:ты|тебя|тебе|вы|вас|вам|ваш|ваша|ваши|вашей|вашим|твой|твоя|твои|твоей|твоим)$/u.test(t.word))
      )
        continue;
      const last = tokens[stop - 1]!;
      // «на вилы» is a call on others: intent to harm rather than a personal threat.
      const ground = id === 'pitchforks' ? 'harm' : 'threat';
      if (reported(i)) findings.push(finding(ground, 'reported', start, last.end, 'warning', MESSAGES.reported!, text.slice(start, last.end)));
      else if (ground === 'harm') findings.push(finding('harm', 'harm-intent', start, last.end, 'error', MESSAGES.harm!, text.slice(start, last.end)));
      else findings.push(finding('threat', 'threat-implied', start, last.end, 'error', MESSAGES['threat-implied']!, text.slice(start, last.end)));
      coveredTo = stop;
      break;
    }
  }
  return findings;
}
