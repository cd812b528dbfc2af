// @vitest-environment node
/**
 * Issue 20: officialese and jargon matched by class over inflected forms, and the screener's
 * grounds with their hard negatives side by side. Each class: at least three inflected forms
 * and a negative.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '@/lib/i18n/catalogs';
import { say, setLocale } from '@/lib/i18n';
import { checkDraft, GROUND_CLAUSES, groundReason, screenIncoming, type Finding } from '@/lib/lint';
import { matchClasses } from '@/lib/lint/classes';
import { tokenize } from '@/lib/lint/lexicon';
import { isActionNoun, isShortPassive, isVerbalNoun } from '@/lib/lint/morph';

/** Class rule ids found in a text (the classes alone, before the lexicon). */
const classes = (text: string) => matchClasses(tokenize(text), () => true).map((h) => h.rule.id);
/** Spans of the findings of a category. */
const spans = (text: string, category: Finding['category']) =>
  checkDraft(text)
    .findings.filter((f) => f.category === category)
    .map((f) => text.slice(f.start, f.end));
const ids = (text: string) => checkDraft(text).findings.map((f) => f.ruleId);

describe('word classes (morph.ts)', () => {
  it('knows a verbal noun in every case, and not a thing, a body or a document', () => {
    for (const w of ['проведение', 'проведения', 'проведению', 'проведением', 'проведении', 'устранений', 'реализация', 'эксплуатацией'])
      expect(isVerbalNoun(w), w).toBe(true);
    for (const w of ['здание', 'помещения', 'обращение', 'решением', 'администрации', 'евгений', 'время', 'ремонт']) expect(isVerbalNoun(w), w).toBe(false);
  });

  it('knows the nouns of work («ремонт», «проверка», «меры») in any form', () => {
    for (const w of ['ремонт', 'ремонта', 'ремонтом', 'проверки', 'проверкой', 'меры', 'мерами', 'вывоза']) expect(isActionNoun(w), w).toBe(true);
    for (const w of ['дом', 'крыша', 'мерить', 'двор']) expect(isActionNoun(w), w).toBe(false);
  });

  it('knows a short passive participle, and not a short adjective', () => {
    for (const w of ['проведено', 'выполнены', 'рассмотрен', 'принято', 'произведена', 'взяты', 'дан']) expect(isShortPassive(w), w).toBe(true);
    for (const w of ['должно', 'видно', 'один', 'готовы', 'рад', 'район']) expect(isShortPassive(w), w).toBe(false);
  });
});

describe('officialese by class', () => {
  it('split predicates: a light verb and an action noun, in either order and any form', () => {
    for (const text of [
      'Осуществляется контроль за уборкой.',
      'Контроль осуществлялся ежедневно.',
      'Специалистами произведён осмотр подвала.',
      'Управлением будет оказано содействие жильцам.',
      'Жильцам даны разъяснения.',
      'Просим принять участие в субботнике.',
    ])
      expect(classes(text), text).toContain('cliche.class.split-predicate');
    expect(classes('Мы проверили подвал и вывезли мусор.')).toEqual([]);
  });

  it('the passive with «быть»: «было проведено», «будут выполнены», «был рассмотрен»', () => {
    for (const text of ['Было проведено собрание.', 'Работы будут выполнены летом.', 'Вопрос был рассмотрен комиссией.', 'Проверка была назначена.'])
      expect(classes(text), text).toContain('cliche.class.passive');
    for (const text of ['Вчера было холодно.', 'Он был рад помочь.', 'Будет один автобус.', 'Было видно, что яма большая.'])
      expect(classes(text), text).toEqual([]);
  });

  it('chains of action nouns: «проведение работ по устранению», «о проведении обследования»', () => {
    for (const text of [
      'Ведутся мероприятия по устранению протечки.',
      'Принято решение о проведении обследования.',
      'Идут работы по восстановлению освещения.',
      'Нужна подготовка к выполнению ремонта.',
    ])
      expect(classes(text), text).toContain('cliche.class.noun-chain');
    expect(classes('Крышу дома покрасим, окна заменим.')).toEqual([]);
  });

  it('a sentence opened by a verbal noun: «Содержание дорог…», «Начисления…», «Обеспечением…»', () => {
    for (const text of [
      'Содержание автомобильных дорог входит в обязанности района.',
      'Начисления платы проверены.',
      'Обеспечением лекарствами занимается аптека.',
    ])
      expect(classes(text), text).toContain('cliche.class.nominal-start');
    for (const text of ['Евгений, здравствуйте!', 'Решение принято.', 'Здание школы отремонтируем.']) expect(classes(text), text).toEqual([]);
  });

  it('framing and stamps over their inflected forms, not the plain words beside them', () => {
    for (const text of ['Выделены денежные средства.', 'Не хватает денежных средств.', 'Оплата денежными средствами.'])
      expect(spans(text, 'cliche'), text).toEqual(expect.arrayContaining([expect.stringMatching(/^денежн/)]));
    for (const text of ['Вышеуказанный дом', 'вышеуказанного дома', 'вышеуказанными домами']) expect(spans(text, 'cliche').length, text).toBeGreaterThan(0);
    for (const text of ['Вопрос находится на рассмотрении.', 'Документы находятся на согласовании.', 'Проект находился на стадии экспертизы.'])
      expect(spans(text, 'cliche').length, text).toBeGreaterThan(0);
    expect(spans('Средство от комаров купили в аптеке.', 'cliche')).toEqual([]);
  });

  it('formulaic openings and closings in their variants', () => {
    for (const text of [
      'Уважаемая Анна! Ваше обращение рассмотрено.',
      'Обращение, поступившее в администрацию, зарегистрировано.',
      'Ваша жалоба перенаправлена в министерство.',
      'Благодарим за проявленный интерес к работе администрации.',
      'Выражаем уверенность в дальнейшем сотрудничестве.',
    ])
      expect(spans(text, 'cliche').length, text).toBeGreaterThan(0);
    expect(spans('Анна, здравствуйте! Спасибо, что написали: яму заделаем в пятницу.', 'cliche')).toEqual([]);
  });
});

describe('jargon by class', () => {
  it('flags abbreviations never expanded, with a plain word where one is known', () => {
    const text = 'По ОДПУ и ИПУ начисления верны; КНС-3 работает, ПСД готова.';
    expect(spans(text, 'jargon')).toEqual(['ОДПУ', 'ИПУ', 'КНС-3', 'ПСД']);
    const f = checkDraft('Показания ОДПУ сняты.').findings.find((x) => x.category === 'jargon');
    expect(f?.suggestion).toContain('счётчик');
  });

  it('accepts an abbreviation expanded once earlier in the answer, or where it is first used', () => {
    expect(spans('Общий счётчик дома (ОДПУ) поверен. По ОДПУ начисления верны.', 'jargon')).toEqual([]);
    expect(spans('ОДПУ (общий счётчик дома) поверен, по ОДПУ всё верно.', 'jargon')).toEqual([]);
    // Expanded after the first use: the first use is still unexplained.
    expect(spans('По ОДПУ всё верно. ОДПУ (общий счётчик дома) поверен.', 'jargon')).toEqual(['ОДПУ']);
  });

  it('leaves widely known abbreviations and shouted words alone', () => {
    expect(spans('Звоните в МЧС, принесите СНИЛС и ИНН; ООО «Вода» уже в курсе. СРОЧНО!', 'jargon')).toEqual([]);
  });

  it('flags references to acts by number, not numbers of houses', () => {
    for (const text of [
      'Согласно ст. 161 ЖК РФ управляет компания.',
      'По Постановлению Правительства РФ № 354 так считают.',
      'Обращение вернули по ФЗ № 59-ФЗ.',
    ])
      expect(ids(text), text).toContain('jargon.legal-reference');
    expect(ids('Мусор у дома № 5 вывезли.')).not.toContain('jargon.legal-reference');
  });

  it('flags terms of housing, roads, health and budget in any form, not the everyday words', () => {
    for (const text of [
      'Работы выполнит подрядная организация.',
      'Подрядной организацией заменены трубы.',
      'Нет лимитов бюджетных обязательств.',
      'Выполнено грейдирование дороги.',
      'Помощь оказывается по месту прикрепления.',
      'Придомовую территорию убрали.',
    ])
      expect(spans(text, 'jargon').length, text).toBeGreaterThan(0);
    expect(spans('Дорогу во дворе выровняли, мусор вывезли.', 'jargon')).toEqual([]);
  });
});

/** Each ground: posts that are not processable, and beside them the hard negatives that are. */
const GROUNDS: Array<[ground: string, flagged: string[], processable: string[]]> = [
  [
    'obscenity',
    ['Вы там совсем ох**ли?', 'н и х у я не сделали за год', 'пиzдец с этой дорогой', 'Бляяяядство с отоплением', 'Ну и нахер такой ремонт'],
    [
      'Передайте хирургу Ебелю спасибо.',
      'Хулиганы сломали скамейку.',
      'Сукно для штор в школу не привезли.',
      'На Херсонской улице нет света.',
      '**Начальник** участка не отвечает.',
    ],
  ],
  [
    'insult',
    ['Глава района — бездельник.', 'Вы там все тунеядцы!', 'Эти паразиты из мэрии опять сэкономили.', 'Депутат, ты клоун.'],
    ['Работа не сделана, стыдно.', 'Охранник сказал ребёнку «дебил», разберитесь.', 'Мы не дураки, всё видим.', 'У соседа во дворе живёт козёл.'],
  ],
  [
    'threat',
    [
      'Я тебя найду, глава.',
      'Ответите за это, депутат!',
      'Знаю, где ты живёшь.',
      'Подожгу вашу контору.',
      'Смотри, чтобы с твоей машиной ничего не случилось.',
    ],
    [
      'Он мне сказал, что убьёт меня. Помогите.',
      'Вы за это ответите по закону.',
      'Убью время в очереди.',
      'Знаю, где живёт моя совесть.',
      'Я его не убью, не бойтесь.',
    ],
  ],
  [
    'harm',
    ['Надо сжечь эту контору.', 'Давайте подожжём дом директора.', 'Вот бы его кто-нибудь пристрелил.', 'Таких вешать надо.'],
    ['Не надо никого убивать, просто почините дорогу.', 'Застрелиться можно от этой бюрократии.', 'Зарежьте наконец тарифы.', 'Мы просто убиты этой новостью.'],
  ],
];

describe('the screener: every ground beside its hard negatives', () => {
  describe.each(GROUNDS)('%s', (ground, flagged, processable) => {
    it.each(flagged)('not processable: %s', (text) => {
      const screen = screenIncoming(text);
      expect(screen.processable).toBe(false);
      const f = screen.findings.find((x) => x.severity === 'error')!;
      expect(f.ruleId).toBe(`forbidden.${ground}`);
      expect(f.ground).toMatchObject({ code: ground, clauses: GROUND_CLAUSES });
    });
    it.each(processable)('processable: %s', (text) => {
      expect(screenIncoming(text).processable).toBe(true);
    });
  });

  it('marks reported speech and quotes as such, for the curator to check', () => {
    const f = screenIncoming('Сосед кричал «всех перестреляю», полиция не приехала.').findings[0]!;
    expect(f).toMatchObject({ severity: 'warning', ground: { why: 'reported' } });
  });
});

describe('why a post is not processable, in both languages', () => {
  afterEach(() => setLocale('ru'));

  it('names the ground, the clause of each region and the words that decided it', () => {
    const f = screenIncoming('Я тебя найду, глава.').findings[0]!;
    expect(f.ground).toMatchObject({ code: 'threat', why: 'threat-implied', clauses: { yakutia: 18, khabarovsk: 4, saratov: 16, ivanovo: 18 } });
    const r = groundReason(f)!;
    setLocale('ru');
    expect(say(r)).toMatch(/угроза.*Якутия — п\. 18.*Хабаровский край — п\. 4.*Саратовская область — п\. 16.*Ивановская область — п\. 18.*«тебя найду»/su);
    setLocale('en');
    expect(say(r)).toMatch(/threat.*Yakutia cl\. 18.*Khabarovsk Krai cl\. 4.*“тебя найду” is an implied threat/su);
    expect(groundReason(checkDraft('В настоящее время').findings[0]!)).toBeNull();
  });

  it('has a text for every ground and every reason in both catalogs', () => {
    const grounds = ['obscenity', 'insult', 'threat', 'harm'] as const;
    const whys = [
      'obscene-root',
      'obscene-masked',
      'insult-word',
      'insult-addressed',
      'threat-verb',
      'threat-implied',
      'death-wish',
      'harm-call',
      'harm-intent',
      'reported',
    ] as const;
    for (const locale of ['ru', 'en'] as const) {
      setLocale(locale);
      for (const code of grounds)
        for (const why of whys) {
          const text = say(
            groundReason({
              category: 'forbidden',
              ruleId: `forbidden.${code}`,
              start: 0,
              end: 1,
              message: '',
              severity: 'error',
              ground: { code, why, word: 'x', clauses: GROUND_CLAUSES },
            })!,
          );
          expect(text, `${locale} ${code} ${why}`).not.toMatch(/lint\.|\{/u);
        }
    }
  });
});
