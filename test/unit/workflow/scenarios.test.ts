// @vitest-environment node
/**
 * Full scenarios from each regulation with concrete dates: every due time and every recorded
 * event is asserted.
 */
import { describe, expect, it } from 'vitest';
import { planDeadlines } from '@/lib/regulations';
import { factsOf, replay } from '@/lib/workflow/machine';
import { messageSchema, type Actor } from '@/lib/model/workflow';
import { curator, executor, scenario } from '../../helpers/workflow';

const actorsOf = (list: Actor[]) => (id: string) => list.find((a) => a.id === id)!;
const types = (events: { type: string }[]) => events.map((e) => e.type);

describe('Khabarovsk: parallel answer by two bodies with one return (п. 7, 8, 13)', () => {
  it('routes to both, takes a return, re-routes, collects parts, and the curator publishes the summary', () => {
    const health = executor('minzdrav');
    const social = executor('minsoc');
    const labour = executor('mintrud');
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    expect(s.show(s.message.nextDueAt)).toBe('2026-11-24 10:00'); // п. 6: route within 1 h
    s.do('2026-11-24T09:30', curator, { type: 'route', assignments: [{ body: 'minzdrav' }, { body: 'minsoc' }] });
    expect(s.message).toMatchObject({ step: 'routed', mode: 'parallel' });
    expect(s.message.openFor.sort()).toEqual(['body:minsoc', 'body:minzdrav']);
    s.do('2026-11-24T10:00', social, { type: 'return', reason: 'Вопрос о трудоустройстве — это министерство труда' });
    expect(s.message.step).toBe('routed'); // the other body goes on
    expect(s.message.openFor).toContain('role:curator');
    const reroute = planDeadlines(s.profile, s.calendar, factsOf(s.message)).deadlines.find((d) => d.from === 'returnedAt')!;
    expect(s.show(reroute.dueAt)).toBe('2026-11-24 11:00'); // п. 8: re-route within 1 wh
    s.do('2026-11-24T10:20', curator, { type: 'route', assignments: [{ body: 'mintrud' }] });
    expect(s.message.assignments.map((a) => [a.body, a.state])).toEqual(
      [
        ['minzdrav', 'active'],
        ['minsoc', 'returned'],
        ['mintrud', 'active'],
      ].filter(([, st]) => st !== 'returned'),
    );
    s.do('2026-11-24T12:00', health, { type: 'submitPart', text: 'Приём терапевта — с понедельника.' });
    expect(s.message.step).toBe('routed');
    s.do('2026-11-24T12:30', curator, { type: 'approve', body: 'minzdrav' }); // п. 13 абз. 3: each answer approved (п. 12)
    s.do('2026-11-24T15:00', labour, { type: 'submitPart', text: 'Вакансии в центре занятости, тел. 22-33-44.' });
    expect(s.message.step).toBe('routed');
    s.do('2026-11-24T15:00', curator, { type: 'approve', body: 'mintrud' });
    expect(s.message.step).toBe('summary');
    expect(s.show(s.message.nextDueAt)).toBe('2026-11-24 16:00'); // п. 13: summary within 1 wh of the last approved answer
    expect(s.refuse('2026-11-24T15:10', health, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=9', text: 'x' }).text).toBe(
      'Это действие выполняет куратор',
    );
    s.do('2026-11-24T15:40', curator, {
      type: 'publish',
      text: 'Сводный ответ: терапевт с понедельника, вакансии — тел. 22-33-44.',
      url: 'https://vk.com/wall-1_1?reply=9',
    });
    expect(s.message).toMatchObject({ step: 'published', status: 'closed', openFor: [] });
    expect(s.message.nextDueAt).toBeUndefined();
    expect(types(s.events)).toEqual(['capture', 'route', 'return', 'route', 'submitPart', 'approve', 'submitPart', 'approve', 'publish']);
    expect(s.message.breaches).toEqual([]);
    expect(replay(s.initial, s.events, actorsOf([curator, health, social, labour]), s.profile, s.calendar)).toEqual(s.message);
  });
});

describe('Saratov: sequential answer by three bodies (п. 13)', () => {
  it("hands the post from body to body in the curator's order; the last writes the joint answer", () => {
    const [a, b, c] = [executor('minstroy'), executor('mintrans'), executor('minprirody')];
    const s = scenario('saratov', '2026-11-24T09:00');
    s.do('2026-11-24T09:20', curator, { type: 'route', mode: 'sequential', assignments: [{ body: 'minstroy' }, { body: 'mintrans' }, { body: 'minprirody' }] });
    expect(s.message.assignments.map((x) => x.state)).toEqual(['active', 'waiting', 'waiting']);
    expect(s.refuse('2026-11-24T09:30', b, { type: 'submitPart', text: 'рано' }).text).toBe('Сейчас очередь другого органа');
    s.do('2026-11-24T10:30', a, { type: 'submitPart', text: 'Стройконтроль выехал.' });
    expect(s.message.assignments.map((x) => x.state)).toEqual(['submitted', 'active', 'waiting']);
    const part = () => planDeadlines(s.profile, s.calendar, factsOf(s.message)).deadlines.filter((d) => d.kind === 'part');
    expect(part().map((d) => [d.body, s.show(d.dueAt), d.met])).toEqual([
      ['minstroy', '2026-11-24 11:20', true],
      ['mintrans', '2026-11-24 12:30', undefined],
    ]);
    s.do('2026-11-24T13:00', b, { type: 'submitPart', text: 'Объезд организован.' });
    // 2 h from 10:30 is 12:30; 13:00 is late: a breach is recorded as a fact.
    expect(s.message.breaches).toEqual([expect.objectContaining({ kind: 'part', body: 'mintrans', clause: 'п. 13' })]);
    expect(s.events.at(-1)).toMatchObject({ type: 'deadline-missed' });
    expect(s.refuse('2026-11-24T14:10', c, { type: 'submitPart', text: 'x' }).text).toMatch(/общий ответ/);
    s.do('2026-11-24T14:30', c, { type: 'submitDraft', kind: 'answer', text: 'Мост отремонтируем до 1 декабря, объезд по ул. Мира.' });
    expect(s.message.step).toBe('review');
    expect(s.show(s.message.nextDueAt)).toBe('2026-11-24 15:00'); // п. 10: curator within 30 min
    s.do('2026-11-24T14:45', curator, { type: 'approve' });
    s.do('2026-11-24T15:05', c, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=9' });
    expect(s.message).toMatchObject({ step: 'published', publications: [expect.objectContaining({ kind: 'answer', by: 'ex-minprirody' })] });
    expect(replay(s.initial, s.events, actorsOf([curator, a, b, c]), s.profile, s.calendar)).toEqual(s.message);
  });
});

describe('Ivanovo: interim answer, then the final one within 10 working days (п. 14)', () => {
  it('counts 10 working days from the interim publication, over the May holidays', () => {
    const ex = executor('gkh');
    const s = scenario('ivanovo', '2026-04-29T10:00');
    s.do('2026-04-29T10:30', curator, { type: 'route', assignments: [{ body: 'gkh' }] });
    s.do('2026-04-29T11:00', ex, { type: 'receive' });
    s.do('2026-04-29T12:00', ex, { type: 'submitDraft', kind: 'interim', text: 'Выясняем, ответим до 15 мая.' });
    s.do('2026-04-29T12:40', curator, { type: 'approve' });
    s.do('2026-04-29T14:00', ex, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=9' });
    expect(s.message.step).toBe('interim');
    expect(s.show(s.message.nextDueAt)).toBe('2026-05-15 18:00'); // 30 Apr, 4–8, 12–15 May: 11 May is carried from 9 May
    expect(s.message.nextDueKind).toBe('final');
    s.do('2026-05-14T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Трубу заменили 13 мая, вода есть.' });
    s.do('2026-05-14T11:00', curator, { type: 'approve' });
    s.do('2026-05-14T11:20', ex, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=2' });
    expect(s.message).toMatchObject({ step: 'published', status: 'closed' });
    expect(s.message.publications.map((p) => p.kind)).toEqual(['interim', 'answer']);
    expect(s.message.breaches).toEqual([]);
  });
});

describe('Yakutia: rework twice, then publish (п. 11–13)', () => {
  it('records the remarks and the late resubmission', () => {
    const ex = executor('minstroy');
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:20', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T11:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Ваше обращение рассмотрено.' });
    s.do('2026-11-24T11:20', curator, { type: 'requestRework', remarks: 'Нужны сроки и контакт' });
    expect(s.show(s.message.nextDueAt)).toBe('2026-11-24 12:20'); // п. 12: 1 h
    s.do('2026-11-24T12:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Отремонтируем до 1 декабря.' });
    s.do('2026-11-24T12:10', curator, { type: 'requestRework', remarks: 'Добавьте телефон' });
    s.do('2026-11-24T14:30', ex, { type: 'submitDraft', kind: 'answer', text: 'Отремонтируем до 1 декабря, тел. 42-15-16.' });
    expect(s.message.breaches.map((b) => b.kind)).toEqual(['rework']); // 12:10 + 1 wh (lunch) = 14:10
    s.do('2026-11-24T14:35', curator, { type: 'approve' });
    s.do('2026-11-24T14:50', ex, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=9' });
    expect(s.message.remarks.map((r) => r.text)).toEqual(['Нужны сроки и контакт', 'Добавьте телефон']);
    expect(types(s.events).filter((t) => t !== 'deadline-missed')).toEqual([
      'capture',
      'route',
      'submitDraft',
      'requestRework',
      'submitDraft',
      'requestRework',
      'submitDraft',
      'approve',
      'publish',
    ]);
    expect(s.message.firstDraftSubmittedAt).toBe(s.at('2026-11-24T11:00'));
  });

  it('a repeat post is linked and a not-processable post is closed with its category', () => {
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:05', curator, { type: 'linkRepeat', of: 'm0' });
    expect(s.message.repeatOf).toBe('m0');
    expect(s.refuse('2026-11-24T09:06', executor('x'), { type: 'markNotProcessable', category: 'threat', confirmed: true }).code).toBe('forbidden');
    expect(s.refuse('2026-11-24T09:06', curator, { type: 'markNotProcessable', category: 'threat' }).code).toBe('bad-command');
    s.do('2026-11-24T09:10', curator, { type: 'markNotProcessable', category: 'threat', confirmed: true });
    expect(s.message).toMatchObject({ status: 'closed', step: 'not_processable', notProcessable: { category: 'threat', by: 'cur' } });
    expect(s.refuse('2026-11-24T09:20', curator, { type: 'route', assignments: [{ body: 'x' }] }).text).toMatch(/закрыто/);
  });
});

describe('errors', () => {
  it('checks the role, the step and the fields, and changes nothing when it refuses', () => {
    const s = scenario('yakutia', '2026-11-24T09:00');
    const before = structuredClone(s.message);
    expect(s.refuse('2026-11-24T09:10', executor('a'), { type: 'route', assignments: [{ body: 'a' }] }).code).toBe('forbidden');
    expect(s.refuse('2026-11-24T09:10', curator, { type: 'approve' }).text).toBe('Действие недоступно: сообщение зафиксировано');
    expect(s.refuse('2026-11-24T09:10', curator, { type: 'route', assignments: [] }).code).toBe('bad-command');
    expect(s.refuse('2026-11-24T09:10', curator, { type: 'drop-table' }).code).toBe('bad-command');
    expect(s.refuse('2026-11-24T09:10', curator, { type: 'route', mode: 'single', assignments: [{ body: 'a' }, { body: 'b' }] }).code).toBe('invalid');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'a' }] });
    expect(s.refuse('2026-11-24T09:20', executor('b'), { type: 'return', reason: 'не наше' }).text).toMatch(/исполнитель органа/);
    expect(s.refuse('2026-11-24T09:20', executor('a'), { type: 'return', reason: '  ' }).code).toBe('bad-command');
    expect(before.step).toBe('captured');
    expect(messageSchema.parse(s.message).step).toBe('routed');
  });
});
