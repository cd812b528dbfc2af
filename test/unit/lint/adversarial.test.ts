// @vitest-environment node
/**
 * Regular-expression blow-ups (security review, finding 2): a page can make the checker read any
 * text, so every pattern must be linear. Each pattern of LINT_PATTERNS meets inputs built against
 * backtracking (long runs with no «@», runs of spaces after «тел», «+7 (» repeated, dots, hyphens,
 * spaced-out letters…) and must take ≤ 5 ms on 50,000 characters, and twice the input must take
 * at most about twice the time (ratio < 3: a quadratic pattern gives 4), which also holds on a
 * slow or busy machine. Timings: CPU time of the process (cpuMs), one warm-up, the median of
 * 5 runs for the budget, the fastest of them for the growth (see scaling); a failing measurement
 * is taken again (twice at most), as noise passes and a quadratic pattern never does.
 */
import { describe, expect, it } from 'vitest';
import { checkDraft, LINT_PATTERNS, lowerForPatterns, screenIncoming, substanceChecklist } from '@/lib/lint';
import { findForbidden } from '@/lib/lint/forbidden';

const N = 50_000;
const BUDGET_MS = 5;
const MAX_RATIO = 3;
/** Below this the timer's resolution decides the ratio; a quadratic scan of 100,000 characters takes far longer. */
const RATIO_FLOOR_MS = 0.3;

type Gen = (n: number) => string;
/** `head`, then `unit` repeated, then `tail`: n characters in all. */
const fill =
  (unit: string, head = '', tail = ''): Gen =>
  (n) => {
    const body = Math.max(0, n - head.length - tail.length);
    return head + unit.repeat(Math.ceil(body / unit.length)).slice(0, body) + tail;
  };

/** Inputs every pattern meets. */
const GENERIC: Record<string, Gen> = {
  'Latin letters, no spaces, no @': fill('a'),
  'Cyrillic letters, no spaces': fill('я'),
  'mixed Cyrillic and Latin': fill('аbвгdе'),
  'letters and digits': fill('a1'),
  digits: fill('1'),
  'a run of spaces': fill(' ', 'x'),
  'a run of spaces after a digit': fill(' ', '8', 'x'),
  'digits and spaces': fill('1 '),
  '«+7 (» repeated': fill('+7 ('),
  dots: fill('.', '1.1'),
  'digit, dot': fill('1.'),
  'letter, dot': fill('a.'),
  hyphens: fill('-'),
  'letter, hyphen': fill('a-'),
  'digits, hyphen': fill('12-'),
  'letter, @': fill('a@'),
  'spaced-out letters': fill('а б '),
  'spaced-out letters and stars': fill('х * у * '),
  stars: fill('*'),
  'letter, star': fill('а*'),
  newlines: fill('\n'),
  'one letter words': fill('в '),
  'a word repeated': fill('ение '),
  'obscene word repeated': fill('хуйня'),
};

/** Inputs aimed at one pattern: what made it (or would make it) backtrack. */
const TARGETED: Record<string, Record<string, Gen>> = {
  'lexicon.word': { 'hyphenated, a hyphen at the end': fill('a-', '', '-'), 'Unicode hyphens': fill('а‐'), 'soft hyphens': fill('а\u00AD') },
  'style.chain-noun': { 'one long word ending nowhere': fill('ени') },
  'style.strong-chain-noun': { 'one long word ending nowhere': fill('ост') },
  'substance.date.numeric': { 'a date then dots': fill('.', '1.1', 'x'), 'dates run together': fill('11.11.') },
  'substance.date.day-month': { 'a digit then spaces': fill(' ', '1', 'x'), 'almost a month': fill('1 ма') },
  'substance.date.month': { '«в» then spaces': fill(' ', 'в', 'x'), '«в течение» repeated': fill('в течение ') },
  'substance.date.term': {
    '«до» then digits': fill('1', 'до '),
    '«до 1» then spaces': fill(' ', 'до 1', 'x'),
    '«до 1 рабоч» then letters': fill('ч', 'до 1 рабоч'),
    '«до 1 рабочих» then spaces': fill(' ', 'до 1 рабочих', 'x'),
  },
  'substance.date.word': { '«до конца» repeated': fill('до конца ') },
  'substance.date.time': { '«в» then spaces': fill(' ', 'в', 'x'), '«в 1» repeated': fill('в 1 ') },
  'substance.date.year': { 'a year then spaces': fill(' ', '2020', 'x'), 'years repeated': fill('2020 ') },
  'substance.contact.phone': {
    '«8» then spaces': fill(' ', '8', 'x'),
    'a phone then spaces': fill(' ', '8 123 45 ', 'x'),
    'a phone then hyphens': fill('-', '8 123 45', 'x'),
    '«8-» repeated': fill('8-'),
    '«812 » repeated': fill('812 '),
  },
  'substance.contact.phone-word': {
    '«тел» then spaces': fill(' ', 'тел', 'x'),
    '«тел» then spaces and colons': fill(' :', 'тел'),
    '«тел.:» then spaces': fill(' ', 'тел.:', 'x'),
    '«телефон» then letters': fill('а', 'телефон'),
    '«тел» repeated': fill('тел '),
  },
  'substance.contact.phone-local': { '«1-» repeated': fill('1-'), '«123-12-» repeated': fill('123-12-') },
  'substance.contact.emergency': { '«112» repeated': fill('112') },
  'substance.contact.service': { '«дежурн» then letters': fill('а', 'дежурн'), '«дежурная» then spaces': fill(' ', 'дежурная', 'x') },
  'substance.contact.domain': { 'a word then «.r»': fill('a', '', '.r'), '«.ru» repeated': fill('.ru'), '«@a.ru» repeated': fill('@a.ru') },
  'substance.contact.email': {
    'letters without @': fill('a'),
    'a name of dots without @': fill('a.'),
    '@ then a long domain': fill('a.', 'a@'),
    'a long name then @': fill('a.', '', '@'),
    '«a@» repeated': fill('a@'),
  },
  'substance.contact.link': { '«http:/» repeated': fill('http:/'), '«www» repeated': fill('www'), '«vk.co» repeated': fill('vk.co ') },
  'substance.contact.address': { '«д.» then spaces': fill(' ', 'д.', 'x'), '«дом» then spaces': fill(' ', 'дом', 'x'), '«д. » repeated': fill('д. ') },
  'substance.contact.line': { '«горяч» then letters': fill('а', 'горяч'), '«горячей» then spaces': fill(' ', 'горячей', 'x') },
  'substance.measure': { '«отремонтир» then letters': fill('а', 'отремонтир'), '«работы » repeated': fill('работы ') },
  'substance.photo': { '«фото» then letters': fill('а', 'фото') },
  'screen.spaced-run': { 'a long run ending in a word': fill('а б ', '', 'аа'), 'double spaces': fill('а  '), 'stars spaced out': fill('* ') },
  'screen.obscene': { 'prefixes repeated': fill('пере'), 'a root then letters': fill('а', 'мудак') },
  'screen.obscene-except': { 'a word then letters': fill('а', 'манд') },
};

const cache = new Map<string, string>();
function input(gen: Gen, name: string, n: number, lower: boolean): string {
  const key = `${name}|${n}|${lower}`;
  let s = cache.get(key);
  if (s === undefined) {
    s = lower ? lowerForPatterns(gen(n)) : gen(n);
    cache.set(key, s);
  }
  return s;
}

/**
 * CPU time of this process, ms: what the code costs, whatever else the machine runs (wall time
 * on a busy CI runner counts the time the test waited for a core).
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** One warm-up, then 5 runs: their median and their minimum, ms of CPU time. */
function timing(fn: () => unknown): { median: number; min: number } {
  fn();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = cpuMs();
    fn();
    times.push(cpuMs() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[2]!, min: times[0]! };
}

interface Scaling {
  ms: number;
  ratio: number;
}
/**
 * The median time at n (held to the budget) and how the time grows from n to 2n, taken from the
 * fastest runs (a garbage collection or a cache miss lands on some runs, never adds growth; a
 * quadratic pattern's fastest run still quadruples). A measurement over the limits is taken
 * again, twice at most.
 */
function scaling(fn: (s: string) => unknown, small: string, large: string, budget: number): Scaling {
  let best: Scaling = { ms: Infinity, ratio: Infinity };
  for (let attempt = 0; attempt < 3; attempt++) {
    const once = timing(() => fn(small));
    const twice = timing(() => fn(large));
    const ratio = twice.min < RATIO_FLOOR_MS ? 1 : twice.min / Math.max(once.min, 1e-3);
    best = { ms: Math.min(best.ms, once.median), ratio: Math.min(best.ratio, ratio) };
    if (best.ms <= budget && best.ratio < MAX_RATIO) break;
  }
  return best;
}

/** How a pattern is run on a text: test() once (for a global one: also through every match). */
function runner(pattern: RegExp): Array<[string, (s: string) => unknown]> {
  const once = new RegExp(pattern.source, pattern.flags.replace('g', ''));
  const runs: Array<[string, (s: string) => unknown]> = [['test', (s) => once.test(s)]];
  if (pattern.global) {
    const all = new RegExp(pattern.source, pattern.flags);
    runs.push([
      'every match',
      (s) => {
        let count = 0;
        for (const _ of s.matchAll(all)) count += 1;
        return count;
      },
    ]);
  }
  return runs;
}

describe('every pattern of the checker and the screener is linear (≤ 5 ms on 50,000 characters)', () => {
  it('has targeted inputs for pattern names that exist', () => {
    for (const name of Object.keys(TARGETED)) expect(LINT_PATTERNS, name).toHaveProperty([name]);
    // The two patterns of the review, among others.
    expect(Object.keys(LINT_PATTERNS)).toEqual(expect.arrayContaining(['substance.contact.email', 'substance.contact.phone-word', 'substance.contact.phone']));
  });

  it.each(Object.keys(LINT_PATTERNS))(
    '%s',
    (name) => {
      const { pattern } = LINT_PATTERNS[name]!;
      const lower = name.startsWith('substance.');
      const inputs = { ...GENERIC, ...TARGETED[name] };
      const slow: string[] = [];
      for (const [how, fn] of runner(pattern)) {
        for (const [label, gen] of Object.entries(inputs)) {
          const small = input(gen, label, N, lower);
          const large = input(gen, label, 2 * N, lower);
          expect(small.length).toBe(N);
          // Every match: a tokenizer's own output is linear but not free; its budget is the pipeline's below.
          const { ms, ratio } = scaling(fn, small, large, how === 'test' ? BUDGET_MS : Infinity);
          if ((how === 'test' && ms > BUDGET_MS) || ratio >= MAX_RATIO)
            slow.push(`${how} on ${label}: ${ms.toFixed(2)} ms, ×${ratio.toFixed(2)} for twice the length`);
        }
      }
      expect(slow).toEqual([]);
    },
    60_000,
  );
});

describe('the public functions stay linear on the same inputs (10,000 and 20,000 characters)', () => {
  const all: Record<string, Gen> = { ...GENERIC };
  for (const [name, targeted] of Object.entries(TARGETED)) for (const [label, gen] of Object.entries(targeted)) all[`${name}: ${label}`] = gen;
  const FUNCTIONS: Record<string, (s: string) => unknown> = {
    checkDraft: (s) => checkDraft(s),
    substanceChecklist: (s) => substanceChecklist(s, { photosRequested: true }),
    screenIncoming: (s) => screenIncoming(s),
    findForbidden: (s) => findForbidden(s),
  };
  // 20,000 characters at most (the draft's limit in the protocol): the old patterns took 3.3 s
  // (e-mail) and 0.5 s (phone) there; the whole check takes a few ms to a few tens of ms.
  const PIPELINE_N = 10_000;
  const PIPELINE_BUDGET_MS = 100;

  it.each(Object.keys(FUNCTIONS))(
    '%s',
    (fname) => {
      const fn = FUNCTIONS[fname]!;
      const slow: string[] = [];
      for (const [label, gen] of Object.entries(all)) {
        const { ms, ratio } = scaling(fn, input(gen, label, PIPELINE_N, false), input(gen, label, 2 * PIPELINE_N, false), PIPELINE_BUDGET_MS);
        if (ms > PIPELINE_BUDGET_MS || ratio >= MAX_RATIO) slow.push(`${label}: ${ms.toFixed(2)} ms, ×${ratio.toFixed(2)} for twice the length`);
      }
      expect(slow).toEqual([]);
    },
    120_000,
  );

  it('still finds what the rewritten patterns are for', () => {
    const list = (text: string) => substanceChecklist(text);
    expect(list('Пишите на ivan.petrov@mail.ru').contact).toBe(true);
    expect(list('Пишите: ivan@mail').contact).toBe(false);
    expect(list('Подробнее на сайте gkh-ykt.ru').contact).toBe(true);
    expect(list('Пишите на admin@gkh-ykt.ru').contact).toBe(true);
    expect(list('Тел.:   42-15-16').contact).toBe(true);
    expect(list('ТЕЛ : 8 (4112) 42 15 16').contact).toBe(true);
    expect(list('тел' + ' '.repeat(1000)).contact).toBe(false);
    expect(list('Звоните +7 (914) 123-45-67').contact).toBe(true);
    expect(list('Сделаем до 15 мая').date).toBe(true);
    expect(list('Сделаем ДО   15   МАЯ').date).toBe(true);
    expect(list('В течение 10 рабочих дней').date).toBe(true);
    expect(list('Версия 1.2.3').date).toBe(false);
    expect(list('к 9:30').date).toBe(true);
    expect(list('Фото приложены, ЗАМЕНИЛИ трубу').measures).toBe(true);
    expect(substanceChecklist('Фотографии приложены', { photosRequested: true }).photos).toBe(true);
    // A spaced-out word is still found inside a long run of spaced single letters.
    const spaced = 'а б '.repeat(5000) + 'х у й';
    expect(findForbidden(spaced).map((f) => f.ruleId)).toContain('forbidden.obscenity');
  });
});
