/**
 * lib/ says nothing itself: it returns a coarse code and a reason (a message key with params)
 * and the UI says it with t(reason, params). These check that every key lib/ can return is in
 * both catalogs, that the Russian said is what lib/ used to say itself, and that no UI words are
 * left in lib/ (its data — lexicons, site selectors, regulation clauses, starter directories,
 * calendars — aside).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reason, type Params, type TextKey } from '@/lib/i18n';
import { catalogsForTest } from '@/lib/i18n/catalogs';
import { ACCOUNTS_REASON_KEYS } from '@/lib/accounts';
import { issueReasons } from '@/lib/i18n/issues';
import { capturedItemSchema, instantSchema, itemKeySchema, routingSchema } from '@/lib/model/message';
import { hoursAndMinutes } from '@/lib/regulations/plan';
import { stepName, workflowError, type WorkflowErrorCode } from '@/lib/workflow/allowed';
import { transition } from '@/lib/workflow/machine';
import { commandSchema, commandTypes, stepSchema } from '@/lib/model/workflow';
import { scheduleSpecSchema } from '@/lib/worktime';
import { REGIONS } from '@/lib/worktime/calendars';
import { spoken } from '../../helpers/i18n';
import { curator, scenario } from '../../helpers/workflow';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each string literal (and template part) of a file, with the call or property it is given to. */
function literals(file: string): Array<{ text: string; line: number; owner: string }> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Array<{ text: string; line: number; owner: string }> = [];
  const ownerOf = (node: ts.Node): string => {
    let up = node.parent;
    while (up && (ts.isConditionalExpression(up) || ts.isParenthesizedExpression(up) || ts.isAsExpression(up) || ts.isBinaryExpression(up))) up = up.parent;
    if (!up) return '';
    if (ts.isCallExpression(up) || ts.isNewExpression(up)) return up.expression.getText(source).split('.').at(-1) ?? '';
    if (ts.isPropertyAssignment(up)) return `${up.name.getText(source)}:`;
    return '';
  };
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    )
      out.push({
        text: node.text,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        owner: ownerOf(ts.isTemplateHead(node) ? node.parent : node),
      });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Where lib/ keeps data in Russian (not UI text): the lexicons, the sites' selector data, the starter directories, the calendars, the matchers' word lists. */
const DATA = [
  /^lib\/lint\//,
  /^lib\/sites\//,
  /^lib\/workflow\/workspace\.ts$/,
  /^lib\/worktime\/calendars\//,
  /^lib\/workflow\/directory-match\.ts$/,
  /^lib\/workflow\/repeats\.ts$/,
];

/**
 * The regulations' profiles are code with the acts' data in it: there, only the acts' own words
 * may be Russian — the region an act is of (`name:`, as the calendars name it), the act's title
 * (`act:`) and its clause numbers (`clause:`, `…Clause:`, `immediate:`). A category's label, a
 * name of our own, a default text or an error message is UI text: the UI says it by id or code.
 */
const PROFILES = 'lib/regulations/profiles.ts';
const REGION_NAMES = new Set(Object.values(REGIONS).map((r) => r.name));
function actData(l: { text: string; owner: string }): boolean {
  if (l.owner === 'name:') return REGION_NAMES.has(l.text);
  if (l.owner === 'act:') return /^(Указ|Постановление|Приказ) /.test(l.text);
  if (/^(clause|\w+Clause|immediate):$/.test(l.owner)) return /^п\. \d/.test(l.text);
  return false;
}

/** lib/accounts cites the acts' clauses by number only («п. 3.1», «прил. 1 п. 2.5», «п. 7 абз. 2»). */
const ACCOUNTS = /^lib\/accounts\//;
const clauseNumber = (l: { text: string }) => /^(прил\. \d+ )?п\. \d+(\.\d+)*( абз\. \d+)?$/.test(l.text);

const russian = (l: { text: string }) => /[\u0400-\u04FF]/.test(l.text);

describe('lib/ returns codes, not words', () => {
  const files = sources(join(ROOT, 'lib')).map((f) => ({ path: f, rel: relative(ROOT, f).split('\\').join('/') }));

  it('holds no Russian UI text outside its data', () => {
    expect(files.some((f) => f.rel === PROFILES)).toBe(true);
    const found = files
      .filter((f) => !DATA.some((d) => d.test(f.rel)))
      .flatMap((f) =>
        literals(f.path)
          .filter((l) => russian(l) && !(f.rel === PROFILES && actData(l)) && !(ACCOUNTS.test(f.rel) && clauseNumber(l)))
          .map((l) => `${f.rel}:${l.line}: ${l.text}`),
      );
    expect(found).toEqual([]);
  });

  it("and in the profiles lets through the acts' names and clauses only", () => {
    const dir = mkdtempSync(join(tmpdir(), 'aot-scan-'));
    const file = join(dir, 'profiles.ts');
    writeFileSync(
      file,
      [
        "const a = { name: 'Хабаровский край', act: 'Постановление Правительства Хабаровского края от 17.03.2020 № 77-пр' };",
        "const b = { clause: 'п. 7 (срок направления применяется к повторному направлению)', severalBodiesClause: 'п. 7, 13', immediate: 'п. 22' };",
        "const c = { id: 'normal', label: 'Обычная' };",
        "const d = { id: 'custom', name: 'Собственный регламент' };",
        "const e = z.string().default('цель рабочей области, не срок регламента');",
        'throw new Error(`Неизвестный регламент: ${id}`);',
        "const f = { clause: 'цель рабочей области' };",
      ].join('\n'),
    );
    const flagged = literals(file).filter((l) => russian(l) && !actData(l));
    expect(flagged.map((l) => l.line)).toEqual([3, 4, 5, 6, 7]);
  });

  it('and the scan sees one: a Russian string or template in code, never a comment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aot-scan-'));
    const file = join(dir, 'sample.ts');
    writeFileSync(
      file,
      "// Комментарий\nconst a = fail('invalid', 'Нет текста');\nconst b = `срок ${1} ч`;\nconst c = error('forbidden', 'workflow.curatorOnly');\n",
    );
    const found = literals(file);
    expect(found.filter((l) => /[\u0400-\u04FF]/.test(l.text)).map((l) => l.line)).toEqual([2, 3, 3]);
    expect(found.find((l) => l.text === 'workflow.curatorOnly')?.owner).toBe('error');
  });

  it('every message key it names is in both catalogs', () => {
    const givers = new Set(['reason', 'fail', 'error', 'workflowError', 'ImportError', 'ScheduleError', 'reason:']);
    const keys = files.flatMap((f) =>
      literals(f.path)
        .filter((l) => /^[a-z]+(\.[\w-]+)+$/.test(l.text) && (givers.has(l.owner) || l.text.startsWith('validation.')))
        .map((l) => ({ key: l.text, at: `${f.rel}:${l.line}` })),
    );
    // The scan finds the keys of every module that returns them.
    for (const module of [
      'lib/workflow/allowed.ts',
      'lib/workflow/machine.ts',
      'lib/regulations/plan.ts',
      'lib/db/backup.ts',
      'lib/db/messages.ts',
      'lib/worktime/index.ts',
      'lib/model/message.ts',
      'lib/model/workflow.ts',
    ])
      expect(
        keys.some((k) => k.at.startsWith(`${module}:`)),
        module,
      ).toBe(true);
    expect(keys.length).toBeGreaterThan(80);
    const missing = keys.filter(({ key }) => Object.values(catalogsForTest).some((c) => !Object.hasOwn(c, key)));
    expect(missing).toEqual([]);
  });

  it('has every reason lib/accounts can return in both catalogs', () => {
    const missing = ACCOUNTS_REASON_KEYS.filter((key) => Object.values(catalogsForTest).some((c) => !Object.hasOwn(c, key)));
    expect(missing).toEqual([]);
    expect(ACCOUNTS_REASON_KEYS).toContain('accounts.plan.preparedByCommittee');
    expect(ACCOUNTS_REASON_KEYS).toContain('accounts.actNotForRegion');
  });

  it('names every step, and every step of a log (a merge conflict), in both catalogs (the keys it builds)', () => {
    for (const step of stepSchema.options) expect(() => spoken(stepName(step)), step).not.toThrow();
    for (const type of commandTypes) expect(() => spoken(reason(`event.${type}` as TextKey)), type).not.toThrow();
  });
});

describe('what the workflow says is what it said before, now from the catalog', () => {
  // [code, key, params, the Russian lib/ returned itself before]
  const before: Array<[WorkflowErrorCode, TextKey, Params | undefined, string]> = [
    ['wrong-step', 'workflow.closed', { step: stepName('published') }, 'Сообщение закрыто (ответ опубликован): изменить его нельзя'],
    ['wrong-step', 'workflow.wrongStep', { step: stepName('review') }, 'Действие недоступно: сообщение на согласовании'],
    ['wrong-step', 'workflow.wrongStep', { step: stepName('summary') }, 'Действие недоступно: сообщение сводный ответ куратора'],
    ['forbidden', 'workflow.curatorOnly', undefined, 'Это действие выполняет куратор'],
    ['forbidden', 'workflow.notYourBody', undefined, 'Сообщение направлено не вашему органу'],
    ['forbidden', 'workflow.returnByExecutor', undefined, 'Вернуть может исполнитель органа, которому направлено сообщение'],
    ['forbidden', 'workflow.otherBodysTurn', undefined, 'Сейчас очередь другого органа'],
    ['forbidden', 'workflow.draftByExecutor', undefined, 'Проект готовит исполнитель органа, которому направлено сообщение'],
    ['invalid', 'workflow.parallelParts', undefined, 'Параллельные ответы органов отправляются частями; сводный ответ готовит куратор'],
    ['forbidden', 'workflow.curatorPublishes', { clause: 'п. 13, абз. 2' }, 'Публикует куратор: у исполнителя нет учётной записи в этой сети (п. 13, абз. 2)'],
    ['forbidden', 'workflow.reworkByExecutor', undefined, 'Доработанный ответ публикует исполнитель этого органа'],
    ['forbidden', 'workflow.publishedByExecutor', undefined, 'Публикует исполнитель этого органа'],
    ['forbidden', 'workflow.publishedByExecutorAt', { clause: 'п. 11' }, 'Публикует исполнитель этого органа (п. 11)'],
    ['forbidden', 'workflow.publishedByExecutorOrCurator', undefined, 'Публикует исполнитель этого органа или куратор'],
    ['forbidden', 'workflow.publishedByExecutorOrCuratorAt', { clause: 'п. 13' }, 'Публикует исполнитель этого органа или куратор (п. 13)'],
    ['forbidden', 'workflow.authorReplyBy', undefined, 'Ответ автора отмечает исполнитель органа или куратор'],
    ['invalid', 'workflow.noShortTerm', undefined, 'Регламент региона не даёт куратору сокращать срок ответа'],
    ['invalid', 'workflow.noPhotos', undefined, 'Регламент региона не предусматривает фото «до/после» по указанию куратора'],
    ['invalid', 'workflow.severalNeedMode', undefined, 'Для нескольких органов выберите порядок: последовательно или параллельно'],
    [
      'invalid',
      'workflow.severalMode',
      { mode: reason('workflow.mode.parallel'), clause: 'п. 7' },
      'Несколько органов отвечают одновременно (параллельно) (п. 7)',
    ],
    [
      'invalid',
      'workflow.severalMode',
      { mode: reason('workflow.mode.sequential'), clause: 'п. 13' },
      'Несколько органов отвечают по очереди, которую задаёт куратор (п. 13)',
    ],
    ['invalid', 'workflow.bodyTwice', undefined, 'Один орган указан дважды'],
    ['invalid', 'workflow.locationRequired', { clause: 'п. 6' }, 'Укажите локацию: населённый пункт или место проблемы (п. 6)'],
    ['invalid', 'workflow.locationRequired', { clause: reason('workflow.regulation') }, 'Укажите локацию: населённый пункт или место проблемы (регламент)'],
    ['invalid', 'workflow.rerouteOther', undefined, 'Укажите другой орган вместо вернувшего сообщение'],
    ['invalid', 'workflow.lastDrafts', undefined, 'Последний исполнитель готовит общий ответ: отправьте его как проект ответа'],
    ['invalid', 'workflow.lastWritesJoint', undefined, 'Общий ответ готовит последний исполнитель'],
    ['invalid', 'workflow.interimGiven', undefined, 'Промежуточный ответ уже дан: нужен окончательный'],
    ['invalid', 'workflow.finalAfterInterim', undefined, 'После промежуточного ответа нужен окончательный ответ'],
    ['invalid', 'workflow.noClarification', undefined, 'Уточняющий вопрос автору этим регламентом не предусмотрен'],
    ['invalid', 'workflow.partNotWaiting', undefined, 'Ответ этого органа не ждёт согласования'],
    ['invalid', 'workflow.whichPart', undefined, 'Укажите орган, чей ответ вы согласуете'],
    ['invalid', 'workflow.foreignReply', undefined, 'Ссылка ведёт на ответ под другим постом: укажите ссылку на ответ под этим постом'],
    ['invalid', 'workflow.reworkedText', undefined, 'Нужен доработанный текст ответа: опубликуйте исправленный текст, а не отправленный на доработку'],
    ['invalid', 'workflow.noText', undefined, 'Нет текста ответа'],
    ['invalid', 'workflow.selfRepeat', undefined, 'Сообщение не может повторять само себя'],
    ['invalid', 'workflow.shortenOnly', { hours: 9, clause: 'п. 7' }, 'Срок можно только сократить: по регламенту 9 ч (п. 7)'],
    ['invalid', 'workflow.notFound', undefined, 'Сообщение не найдено'],
  ];

  it.each(before)('%s %s', (code, key, params, russian) => {
    const error = workflowError(code, key, params);
    expect(error).toEqual({ code, reason: key, ...(params ? { params } : {}) });
    expect(spoken(error)).toBe(russian);
    // English is its own text, not the Russian one.
    expect(spoken(error, 'en')).not.toBe(russian);
  });

  it('a malformed command names each problem by its field, as before', () => {
    const s = scenario('yakutia', '2026-11-24T09:00');
    const r = transition(s.message, { type: 'route', assignments: [] }, curator, s.at('2026-11-24T09:05'), s.profile, s.calendar);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'bad-command', reason: 'workflow.badCommand' });
    expect(spoken(r.error)).toMatch(/^Неверная команда: assignments: Слишком маленькое значение: ожидалось не меньше 1/);
    const root = transition(s.message, 'route', curator, s.at('2026-11-24T09:05'), s.profile, s.calendar);
    expect(root.ok ? '' : spoken(root.error)).toMatch(/^Неверная команда: команда: /);
    expect(root.ok ? '' : spoken(root.error, 'en')).toMatch(/^Invalid command: command: /);
    expect(commandSchema.safeParse('route').success).toBe(false);
  });
});

describe('deadline notes, durations and checks say what they said before', () => {
  it.each([
    [80, '1 ч 20 мин', '1 h 20 min'],
    [240, '4 ч', '4 h'],
    [20, '20 мин', '20 min'],
    [0, '0 мин', '0 min'],
  ])('%i minutes: «%s»', (minutes, russian, english) => {
    expect(spoken(hoursAndMinutes(minutes))).toBe(russian);
    expect(spoken(hoursAndMinutes(minutes), 'en')).toBe(english);
  });

  it.each([
    ['deadline.note.reworkDirect', 'доработанный ответ публикуется без повторного согласования'],
    ['deadline.note.curatorPublishes', 'у исполнителя нет учётной записи в этой сети: публикует куратор, согласование входит в срок'],
    ['deadline.note.finalDraft', 'окончательный проект ответа куратору'],
    ['deadline.note.finalAnswer', 'окончательный ответ автору'],
  ] as const)('%s', (key, russian) => {
    expect(spoken(reason(key))).toBe(russian);
  });

  const said = (schema: z.core.$ZodType, value: unknown) => {
    const r = z.safeParse(schema, value);
    expect(r.success).toBe(false);
    return r.success ? [] : issueReasons(r.error.issues).map((x) => spoken(x));
  };

  it("the shared shapes' own checks (lib/model/message.ts, lib/model/workflow.ts)", () => {
    expect(said(instantSchema, 1.5)).toEqual(['время должно быть целым числом миллисекунд']);
    expect(said(instantSchema, Date.UTC(2300, 0, 1))).toEqual(['время вне допустимого диапазона']);
    expect(said(itemKeySchema, 'fb:1')).toEqual(['ключ публикации имеет неверный формат']);
    expect(said(routingSchema, { topic: ' ', importance: 'normal', executor: 'Минстрой' })).toEqual(['topic: обязательное поле']);
    const item = {
      site: 'vk',
      kind: 'post',
      key: 'vk:wall-1_1',
      url: 'http://vk.com/wall-1_1',
      author: { name: 'a', url: 'https://x.org/a' },
      text: '',
      attachments: [{ type: 'photo', url: 'javascript:1' }],
    };
    expect(said(capturedItemSchema, item)).toEqual([
      'url: ссылка должна вести на https://vk.com или https://ok.ru',
      'author.url: ссылка на автора должна вести на vk.com, vk.ru или ok.ru',
      'attachments.0.url: ссылка должна начинаться с https://',
    ]);
    expect(said(commandSchema, { type: 'return', reason: '  ' })).toEqual(['reason: обязательное поле']);
  });

  it("the schedule's own checks (lib/worktime), with their params", () => {
    const week = { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] };
    expect(said(scheduleSpecSchema, { zone: 'Mars/Olympus', week })).toEqual(['zone: неизвестный часовой пояс']);
    expect(said(scheduleSpecSchema, { zone: 'UTC', week: { ...week, '1': [['9:00', '18:00']] } })).toEqual([
      'week.1.0.0: время должно быть в формате ЧЧ:ММ (00:00–24:00)',
    ]);
    expect(said(scheduleSpecSchema, { zone: 'UTC', week: { ...week, '1': [['18:00', '09:00']] } })).toEqual([
      'week.1: интервал 18:00–09:00 пуст или перевёрнут',
    ]);
    expect(
      said(scheduleSpecSchema, {
        zone: 'UTC',
        week: {
          ...week,
          '2': [
            ['09:00', '13:00'],
            ['12:00', '18:00'],
          ],
        },
      }),
    ).toEqual(['week.2: интервалы 09:00–13:00 и 12:00–18:00 пересекаются']);
    expect(said(scheduleSpecSchema, { zone: 'UTC', week, days: { '2026-02-30': [] } })).toEqual([
      'days.2026-02-30: дата «2026-02-30» должна быть существующей датой в формате ГГГГ-ММ-ДД',
    ]);
  });
});
