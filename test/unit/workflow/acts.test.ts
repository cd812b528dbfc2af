// @vitest-environment node
/**
 * Each timer as the acts say it: what it counts from, what stops it, who may act, per region.
 * Every test is a concrete case with dates, named with its clause; each failed on the reading
 * the code had before (false breaches, deadlines shown too late, steps allowed to the wrong
 * person). Readings of ambiguous clauses: lib/regulations/decisions.md.
 */
import { describe, expect, it } from 'vitest';
import { getProfile, planDeadlines, regulationProfileSchema } from '@/lib/regulations';
import { allowedCommands, factsOf } from '@/lib/workflow/machine';
import { commandSchema } from '@/lib/model/workflow';
import { starterWorkspace, workspaceSchema } from '@/lib/workflow/workspace';
import { spoken } from '../../helpers/i18n';
import { curator, executor, scenario } from '../../helpers/workflow';

const URL = 'https://vk.com/wall-1_1?reply=9';
type Run = ReturnType<typeof scenario>;
const plan = (s: Run) => planDeadlines(s.profile, s.calendar, factsOf(s.message, s.profile));
const kinds = (s: Run) => s.message.breaches.map((b) => b.kind);

describe('1. final answer after an interim one: the final draft reaches the curator in time', () => {
  it('Yakutia п. 14: a final draft sent on day 7 at 17:50 and published on day 8 is on time', () => {
    const ex = executor('minstroy');
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'interim', text: 'Проверяем, ответим до 3 декабря.' });
    s.do('2026-11-24T10:20', curator, { type: 'approve' });
    s.do('2026-11-24T10:40', ex, { type: 'publish', url: URL });
    // 7 working days from Tue 24 Nov, the day itself not counted: 25, 26, 27, 30 Nov, 1, 2, 3 Dec.
    expect(s.show(s.message.nextDueAt)).toBe('2026-12-03 18:00');
    s.do('2026-12-03T17:50', ex, { type: 'submitDraft', kind: 'answer', text: 'Трубу заменили 2 декабря, вода есть. Тел. 42-15-16.' });
    s.do('2026-12-04T09:20', curator, { type: 'approve' });
    s.do('2026-12-04T09:40', ex, { type: 'publish', url: URL });
    expect(s.message.step).toBe('published');
    expect(s.message.breaches).toEqual([]);
    expect(plan(s).deadlines.find((d) => d.kind === 'final')).toMatchObject({ met: true, doneAt: s.at('2026-12-03T17:50') });
  });

  it('Ivanovo п. 14: the 10 days stop at the final draft too; approval and publication keep their own terms', () => {
    const ex = executor('depzhkh');
    const s = scenario('ivanovo', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'depzhkh' }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'interim', text: 'Проверяем, ответим позже.' });
    s.do('2026-11-24T10:20', curator, { type: 'approve' });
    s.do('2026-11-24T10:40', ex, { type: 'publish', url: URL });
    s.do('2026-12-08T17:30', ex, { type: 'submitDraft', kind: 'answer', text: 'Сделали 7 декабря. Тел. 42-15-16.' }); // day 10
    s.do('2026-12-09T10:00', curator, { type: 'approve' }); // п. 11: 1 h 30 min from 17:30 is 10:00 next day
    s.do('2026-12-09T10:10', ex, { type: 'publish', url: URL });
    expect(s.message.breaches).toEqual([]);
  });

  it('Saratov п. 12: «окончательного развернутого ответа» — the answer itself, so its publication stops the term', () => {
    const ex = executor('minstroy');
    const s = scenario('saratov', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'interim', text: 'Проверяем.' });
    s.do('2026-11-24T10:20', curator, { type: 'approve' });
    s.do('2026-11-24T10:40', ex, { type: 'publish', url: URL });
    s.do('2026-12-03T17:40', ex, { type: 'submitDraft', kind: 'answer', text: 'Сделано 2 декабря.' });
    s.do('2026-12-04T09:05', curator, { type: 'approve' }); // п. 10: 30 min, 20 of them on Thursday
    s.do('2026-12-04T09:20', ex, { type: 'publish', url: URL }); // on day 8: late for п. 12 only
    expect(kinds(s)).toEqual(['final']);
  });
});

describe('2. Khabarovsk п. 11 абз. 2: the final term counts from the interim draft reaching the curator', () => {
  it('interim sent to the curator on Friday 17:30, published Monday: 7 working days end on the next Tuesday, not Wednesday', () => {
    const ex = executor('minzhkh');
    const s = scenario('khabarovsk', '2026-11-27T09:00');
    s.do('2026-11-27T09:30', curator, { type: 'route', assignments: [{ body: 'minzhkh' }] });
    s.do('2026-11-27T17:30', ex, { type: 'submitDraft', kind: 'interim', text: 'Проверяем, ответим.' });
    s.do('2026-11-30T09:20', curator, { type: 'approve' });
    s.do('2026-11-30T09:40', ex, { type: 'publish', url: URL });
    const final = plan(s).deadlines.find((d) => d.kind === 'final')!;
    expect(final.from).toBe('interimSubmittedAt');
    // From Fri 27 Nov: 30 Nov, 1, 2, 3, 4, 7, 8 Dec.
    expect(s.show(final.dueAt)).toBe('2026-12-08 18:00');
    expect(spoken(final.note!)).toBe('окончательный ответ автору');
  });
});

describe('3. Khabarovsk: no overall answer term (п. 6–13 give each step its own)', () => {
  it("capture shows the step's own deadline, not an invented 9-hour total", () => {
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    expect(plan(s).deadlines.map((d) => d.kind)).toEqual(['route']);
    expect(s.message.nextDueKind).toBe('route');
  });

  it('a return and re-route with every step on time records no breach, however long the whole took', () => {
    const [a, b] = [executor('minstroy'), executor('minzhkh')];
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    s.do('2026-11-24T09:55', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T10:50', a, { type: 'return', reason: 'Это ЖКХ' }); // п. 8: 1 wh
    s.do('2026-11-24T11:45', curator, { type: 'route', assignments: [{ body: 'minzhkh' }] }); // п. 8 абз. 2: 1 wh
    s.do('2026-11-24T18:40', b, { type: 'receive' });
    s.do('2026-11-25T14:30', b, { type: 'submitDraft', kind: 'answer', text: 'Трубу заменим 30 ноября. Тел. 42-15-16.' }); // 6 wh from 11:45
    s.do('2026-11-25T15:25', curator, { type: 'approve' });
    s.do('2026-11-25T16:20', b, { type: 'publish', url: URL });
    expect(s.message.step).toBe('published');
    expect(s.message.breaches).toEqual([]);
  });

  it('a workspace may set its own target: shown, labelled as its own, never a breach of the act', () => {
    const profile = getProfile('khabarovsk');
    profile.timers.target = { minutes: 9 * 60, clock: 'working', clause: 'цель рабочей области, не срок регламента' };
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    const facts = { ...factsOf(s.message, profile), publishedAt: s.at('2026-11-26T12:00') };
    const target = planDeadlines(profile, s.calendar, facts).deadlines.find((d) => d.kind === 'target')!;
    expect(target).toMatchObject({ own: true, met: false, clause: 'цель рабочей области, не срок регламента' });
  });

  it('a profile stored by the previous release drops the derived total and keeps edited terms', () => {
    const stored = structuredClone(getProfile('khabarovsk')) as unknown as Record<string, unknown> & { timers: Record<string, unknown> };
    delete stored.revision;
    stored.timers.answer = { minutes: 540, clock: 'working', clause: 'п. 6, 10, 12, 13', derived: true };
    stored.timers.approve = { minutes: 45, clock: 'working', clause: 'п. 12' };
    stored.importance = [{ id: 'critical', label: 'x', factor: 0.5, kinds: ['answer'] }];
    const upgraded = regulationProfileSchema.parse(stored);
    expect(upgraded.timers.answer).toBeUndefined();
    expect(upgraded.timers.approve.minutes).toBe(45);
    expect(upgraded.timers.return.from).toBe('receivedAt');
    expect(upgraded.publishers).toEqual(['executor']);
    const ws = workspaceSchema.parse({ ...starterWorkspace('khabarovsk'), profile: stored });
    expect(ws.profile.revision).toBe(2);
  });
});

describe('4. return and part windows of each body count from its own turn (п. 8, 15)', () => {
  it('Yakutia п. 8: the second body in a sequence returns 15 min after its turn came: no breach', () => {
    const [a, b] = [executor('minstroy'), executor('mintrans')];
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:00', curator, { type: 'route', assignments: [{ body: 'minstroy' }, { body: 'mintrans' }] });
    s.do('2026-11-24T10:45', a, { type: 'submitPart', text: 'Стройконтроль выехал.' });
    s.do('2026-11-24T11:00', b, { type: 'return', reason: 'Дороги — не наш вопрос' });
    expect(s.message.breaches).toEqual([]);
    const windows = plan(s).deadlines.filter((d) => d.kind === 'return');
    expect(windows.map((d) => [d.body, s.show(d.dueAt)])).toEqual([
      ['minstroy', '2026-11-24 09:30'],
      ['mintrans', '2026-11-24 11:15'],
    ]);
  });

  it("Khabarovsk п. 8: «с момента его получения» — from the body's receipt", () => {
    const a = executor('minstroy');
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T11:00', a, { type: 'receive' });
    s.do('2026-11-24T11:50', a, { type: 'return', reason: 'Не наш вопрос' });
    expect(s.message.breaches).toEqual([]);
    expect(plan(s).deadlines.find((d) => d.kind === 'return')).toMatchObject({ from: 'receivedAt', met: true });
  });
});

describe('5. Khabarovsk п. 13 абз. 3: parallel answers are each approved or reworked; the summary follows the last', () => {
  it('routes to two bodies, approves one, reworks the other, and counts the summary from the reworked answer', () => {
    const [health, social] = [executor('minzdrav'), executor('minsoc')];
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    s.do('2026-11-24T09:30', curator, { type: 'route', assignments: [{ body: 'minzdrav' }, { body: 'minsoc' }] });
    expect(s.message.mode).toBe('parallel');
    s.do('2026-11-24T11:00', health, { type: 'submitPart', text: 'Приём терапевта — с понедельника.' });
    expect(s.message.step).toBe('routed');
    expect(s.message.openFor).toContain('role:curator'); // a part waits for approval
    expect(allowedCommands(s.message, curator, s.profile)).toEqual(expect.arrayContaining(['approve', 'requestRework']));
    s.do('2026-11-24T11:40', curator, { type: 'approve', body: 'minzdrav' });
    s.do('2026-11-24T12:00', social, { type: 'submitPart', text: 'Ваше обращение рассмотрено.' });
    s.do('2026-11-24T12:30', curator, { type: 'requestRework', body: 'minsoc', remarks: 'Нужны сроки и телефон' });
    expect(s.message.step).toBe('routed');
    expect(s.message.openFor).toContain('body:minsoc');
    s.do('2026-11-24T14:20', social, { type: 'submitPart', text: 'Выплату назначим до 1 декабря, тел. 22-33-44.' }); // п. 12: 1 wh (lunch)
    expect(s.message.step).toBe('summary');
    expect(s.show(s.message.nextDueAt)).toBe('2026-11-24 15:20'); // 1 wh after the reworked answer
    expect(s.refuse('2026-11-24T15:00', health, { type: 'publish', url: URL, text: 'x' }).text).toBe('Это действие выполняет куратор');
    s.do('2026-11-24T15:10', curator, { type: 'publish', url: URL, text: 'Терапевт с понедельника; выплата до 1 декабря, тел. 22-33-44.' });
    expect(s.message.breaches).toEqual([]);
  });

  it('a part approved late is a breach of п. 12 for that body', () => {
    const [health, social] = [executor('minzdrav'), executor('minsoc')];
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    s.do('2026-11-24T09:30', curator, { type: 'route', assignments: [{ body: 'minzdrav' }, { body: 'minsoc' }] });
    s.do('2026-11-24T10:00', health, { type: 'submitPart', text: 'Часть 1.' });
    s.do('2026-11-24T10:05', social, { type: 'submitPart', text: 'Часть 2.' });
    expect(s.refuse('2026-11-24T10:10', curator, { type: 'approve' }).text).toBe('Укажите орган, чей ответ вы согласуете');
    s.do('2026-11-24T11:30', curator, { type: 'approve', body: 'minzdrav' });
    expect(s.message.breaches).toEqual([expect.objectContaining({ kind: 'approve', body: 'minzdrav', clause: 'п. 12' })]);
  });
});

describe('6. Khabarovsk п. 13 абз. 2: no account in the network: the curator publishes within 1 wh of the draft', () => {
  it('approval included: the curator publishes 55 min after receiving the draft, on time', () => {
    const ex = executor('minstroy');
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy', hasAccount: false }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Отремонтируем до 1 декабря.' });
    expect(s.message.nextDueKind).toBe('publish');
    expect(s.show(s.message.nextDueAt)).toBe('2026-11-24 11:00');
    s.do('2026-11-24T10:40', curator, { type: 'approve' });
    expect(s.message.openFor).toEqual(['role:curator']);
    expect(s.refuse('2026-11-24T10:45', ex, { type: 'publish', url: URL }).code).toBe('forbidden');
    s.do('2026-11-24T10:55', curator, { type: 'publish', url: URL });
    expect(s.message.breaches).toEqual([]);
  });

  it('published at 11:30 is late: one breach of п. 13 абз. 2 (the former reading allowed 2 h)', () => {
    const ex = executor('minstroy');
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy', hasAccount: false }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Отремонтируем до 1 декабря.' });
    s.do('2026-11-24T11:30', curator, { type: 'publish', url: URL }); // from review: approval included
    expect(s.message.breaches).toEqual([expect.objectContaining({ kind: 'publish', clause: 'п. 13, абз. 2' })]);
  });
});

describe('7. one mode per region (Khabarovsk п. 7 parallel; Yakutia п. 15, Saratov п. 13, Ivanovo п. 15 sequential)', () => {
  it("the route refuses the other mode and takes the region's when none is given", () => {
    const k = scenario('khabarovsk', '2026-11-24T09:00');
    expect(k.refuse('2026-11-24T09:10', curator, { type: 'route', mode: 'sequential', assignments: [{ body: 'a' }, { body: 'b' }] }).text).toMatch(
      /одновременно.*п\. 7, 13/,
    );
    k.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'a' }, { body: 'b' }] });
    expect(k.message.mode).toBe('parallel');
    const y = scenario('yakutia', '2026-11-24T09:00');
    expect(y.refuse('2026-11-24T09:10', curator, { type: 'route', mode: 'parallel', assignments: [{ body: 'a' }, { body: 'b' }] }).text).toMatch(
      /по очереди.*п\. 15/,
    );
    y.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'a' }, { body: 'b' }] });
    expect(y.message.mode).toBe('sequential');
  });

  it('the plan takes the mode from the message: a stored Khabarovsk sequential message gets no summary, a Yakutia parallel one no unmeetable draft', () => {
    const k = scenario('khabarovsk', '2026-11-24T09:00');
    const kFacts = {
      ...factsOf(k.message),
      mode: 'sequential' as const,
      parts: [
        { body: 'a', routedAt: k.at('2026-11-24T09:10'), submittedAt: k.at('2026-11-24T10:00'), approvedAt: k.at('2026-11-24T10:10') },
        { body: 'b', routedAt: k.at('2026-11-24T10:00'), submittedAt: k.at('2026-11-24T11:00'), approvedAt: k.at('2026-11-24T11:10') },
      ],
    };
    expect(planDeadlines(k.profile, k.calendar, kFacts).deadlines.some((d) => d.kind === 'summary')).toBe(false);
    const y = scenario('yakutia', '2026-11-24T09:00');
    const yFacts = {
      ...factsOf(y.message),
      mode: 'parallel' as const,
      parts: [
        { body: 'a', routedAt: y.at('2026-11-24T09:10'), submittedAt: y.at('2026-11-24T11:00') },
        { body: 'b', routedAt: y.at('2026-11-24T09:10'), submittedAt: y.at('2026-11-24T11:05') },
      ],
    };
    const yPlan = planDeadlines(y.profile, y.calendar, yFacts);
    expect(yPlan.deadlines.some((d) => d.kind === 'draft' || d.kind === 'summary')).toBe(false);
    expect(yPlan.deadlines.filter((d) => d.met === false)).toEqual([]);
  });
});

describe('8. clarification request (Yakutia п. 10–11, Saratov п. 10, Ivanovo п. 10; not Khabarovsk)', () => {
  it("approved and posted in time: the publish timer and the answer term are met; the author's reply starts a new answer term", () => {
    const ex = executor('minstroy');
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'clarification', text: 'Уточните, пожалуйста, адрес дома.' });
    s.do('2026-11-24T10:20', curator, { type: 'approve' });
    s.do('2026-11-24T10:40', ex, { type: 'publish', url: URL });
    expect(s.message).toMatchObject({ step: 'routed', clarificationPublishedAt: s.at('2026-11-24T10:40') });
    expect(plan(s).deadlines.find((d) => d.kind === 'publish')).toMatchObject({ met: true });
    expect(plan(s).deadlines.find((d) => d.kind === 'answer')).toMatchObject({ met: true });
    expect(s.message.nextDueAt).toBeUndefined(); // waiting for the author: no term of the act runs
    expect(allowedCommands(s.message, ex, s.profile)).toContain('authorReplied');
    s.do('2026-11-26T11:00', ex, { type: 'authorReplied' });
    expect(s.message.nextDueKind).toBe('draft');
    expect(s.show(s.message.nextDueAt)).toBe('2026-11-26 16:00'); // 8 wh from 11:00 end at 11:00 next day; 4 wh before
    s.do('2026-11-26T14:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Дом 5 по ул. Мира: трубу заменим до 1 декабря.' });
    s.do('2026-11-26T14:20', curator, { type: 'approve' });
    s.do('2026-11-26T14:40', ex, { type: 'publish', url: URL });
    expect(s.message.breaches).toEqual([]);
  });

  it('Khabarovsk has no clarification step', () => {
    const ex = executor('minstroy');
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    expect(s.refuse('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'clarification', text: 'Уточните адрес' }).text).toMatch(/не предусмотрен/);
  });
});

describe('10. several bodies in sequence: п. 15 (2 h each, the last writes the joint answer) prevails over п. 10', () => {
  it('Yakutia: two bodies each within their 2 hours never produce a draft breach', () => {
    const [a, b] = [executor('minstroy'), executor('mintrans')];
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:25', curator, { type: 'route', assignments: [{ body: 'minstroy' }, { body: 'mintrans' }] });
    s.do('2026-11-24T11:20', a, { type: 'submitPart', text: 'Стройконтроль выехал.' });
    s.do('2026-11-24T13:15', b, { type: 'submitDraft', kind: 'answer', text: 'Объезд по ул. Мира, мост откроем 1 декабря.' }); // п. 15: 11:20 + 2 h (lunch) = 14:20
    expect(plan(s).deadlines.some((d) => d.kind === 'draft')).toBe(false);
    s.do('2026-11-24T13:40', curator, { type: 'approve' });
    s.do('2026-11-24T14:00', b, { type: 'publish', url: URL });
    expect(s.message.breaches).toEqual([]);
  });
});

describe('11. importance: a label; the curator sets a shorter term on the message (Saratov п. 7, Ivanovo п. 7)', () => {
  it('Saratov: a «socially significant» post keeps 9 wh; the curator shortens it to 3 h, recorded with who and the clause', () => {
    const s = scenario('saratov', '2026-11-24T09:00');
    expect(s.message.nextDueKind).toBe('route');
    s.do('2026-11-24T09:05', curator, { type: 'setTerm', minutes: 180 });
    expect(s.message.shortTerm).toEqual({ minutes: 180, by: 'cur', at: s.at('2026-11-24T09:05'), clause: 'п. 7' });
    expect(plan(s).deadlines.find((d) => d.kind === 'answer')).toMatchObject({ minutes: 180, clause: 'п. 7', note: { reason: 'deadline.note.shortTerm' } });
    expect(s.refuse('2026-11-24T09:06', curator, { type: 'setTerm', minutes: 600 }).text).toMatch(/только сократить/);
  });

  it('Yakutia and Khabarovsk give the curator no such power', () => {
    expect(scenario('yakutia', '2026-11-24T09:00').refuse('2026-11-24T09:05', curator, { type: 'setTerm', minutes: 180 }).code).toBe('invalid');
    expect(scenario('khabarovsk', '2026-11-24T09:00').refuse('2026-11-24T09:05', curator, { type: 'setTerm', minutes: 180 }).code).toBe('invalid');
    for (const id of ['yakutia', 'khabarovsk', 'saratov', 'ivanovo'] as const) expect(getProfile(id).importance.every((c) => !('factor' in c))).toBe(true);
  });
});

describe('12. not processable: a closed list, decided per post (Yakutia п. 18, Khabarovsk п. 4, Saratov п. 16, Ivanovo п. 18)', () => {
  it('has no «other» ground', () => {
    expect(commandSchema.safeParse({ type: 'markNotProcessable', category: 'other', confirmed: true }).success).toBe(false);
    const s = scenario('ivanovo', '2026-11-24T09:00');
    expect(s.refuse('2026-11-24T09:05', curator, { type: 'markNotProcessable', category: 'other', confirmed: true }).code).toBe('bad-command');
  });
});

describe('13. who publishes', () => {
  const approved = (id: 'yakutia' | 'saratov' | 'ivanovo' | 'khabarovsk') => {
    const ex = executor('minstroy');
    const s = scenario(id, '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Отремонтируем до 1 декабря.' });
    s.do('2026-11-24T10:10', curator, { type: 'approve' });
    return { s, ex };
  };
  it('Yakutia п. 13: the executor or the curator', () => {
    const { s, ex } = approved('yakutia');
    expect(allowedCommands(s.message, curator, s.profile)).toContain('publish');
    expect(allowedCommands(s.message, ex, s.profile)).toContain('publish');
  });
  it.each([
    ['saratov', 'п. 11'],
    ['ivanovo', 'п. 13'],
    ['khabarovsk', 'п. 13'],
  ] as const)('%s: the executor only (%s)', (id, clause) => {
    const { s, ex } = approved(id);
    expect(allowedCommands(s.message, curator, s.profile)).not.toContain('publish');
    expect(s.refuse('2026-11-24T10:15', curator, { type: 'publish', url: URL }).text).toBe(`Публикует исполнитель этого органа (${clause})`);
    expect(allowedCommands(s.message, ex, s.profile)).toContain('publish');
  });
  it('a message at rework cannot be published where the act wants a second approval (Saratov п. 10)', () => {
    const ex = executor('minstroy');
    const s = scenario('saratov', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Отремонтируем.' });
    s.do('2026-11-24T10:10', curator, { type: 'requestRework', remarks: 'Нужен срок' });
    expect(allowedCommands(s.message, ex, s.profile)).not.toContain('publish');
    const k = scenario('khabarovsk', '2026-11-24T09:00');
    k.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    k.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Отремонтируем.' });
    k.do('2026-11-24T10:10', curator, { type: 'requestRework', remarks: 'Нужен срок' });
    expect(allowedCommands(k.message, ex, k.profile)).toContain('publish'); // п. 12 абз. 2
  });
});

describe("14. Yakutia п. 17: «до/после» photos at the curator's request", () => {
  it('the curator asks for them on the message; other regions have no such step', () => {
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:05', curator, { type: 'requirePhotos', required: true });
    expect(s.message.photosRequired).toEqual({ by: 'cur', at: s.at('2026-11-24T09:05'), clause: 'п. 17' });
    expect(scenario('saratov', '2026-11-24T09:00').refuse('2026-11-24T09:05', curator, { type: 'requirePhotos', required: true }).code).toBe('invalid');
  });
});

describe('15. location where the curator states it (Khabarovsk п. 6, Saratov п. 7, Ivanovo п. 7)', () => {
  it('routing without a location is refused there and accepted with one given while routing', () => {
    for (const id of ['khabarovsk', 'saratov', 'ivanovo'] as const) {
      const s = scenario(id, '2026-11-24T09:00', { location: '' });
      expect(s.refuse('2026-11-24T09:05', curator, { type: 'route', assignments: [{ body: 'a' }] }).text).toMatch(/Укажите локацию/);
      s.do('2026-11-24T09:06', curator, { type: 'route', location: 'Центр', assignments: [{ body: 'a' }] });
      expect(s.message.location).toBe('Центр');
    }
    const y = scenario('yakutia', '2026-11-24T09:00', { location: '' });
    y.do('2026-11-24T09:05', curator, { type: 'route', assignments: [{ body: 'a' }] });
  });
});

describe('Khabarovsk п. 12: a reworked answer sent back for approval instead of published', () => {
  it('does the rework in time: no false rework breach', () => {
    const ex = executor('minstroy');
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Починим.' });
    s.do('2026-11-24T10:30', curator, { type: 'requestRework', remarks: 'Нужен срок' });
    s.do('2026-11-24T11:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Починим до 1 декабря.' });
    s.do('2026-11-24T11:45', curator, { type: 'approve' });
    s.do('2026-11-24T12:30', ex, { type: 'publish', url: URL });
    expect(s.message.breaches).toEqual([]);
  });
});
