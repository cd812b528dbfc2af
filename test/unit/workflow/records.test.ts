// @vitest-environment node
/** Publication records are right: the reply's link belongs to the post answered. */
import { describe, expect, it } from 'vitest';
import { isReplyUnder } from '@/lib/workflow/machine';
import { curator, executor, scenario } from '../../helpers/workflow';

describe("the reply's link", () => {
  it("must be a reply under the post answered: another post's reply is refused", () => {
    const ex = executor('minstroy');
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Починим до 1 декабря.' });
    s.do('2026-11-24T10:10', curator, { type: 'approve' });
    expect(s.refuse('2026-11-24T10:20', ex, { type: 'publish', url: 'https://vk.com/wall-1_2?reply=5' }).text).toMatch(/под другим постом/);
    expect(s.refuse('2026-11-24T10:20', ex, { type: 'publish', url: 'https://vk.com/wall-1_1' }).text).toMatch(/под другим постом/);
    s.do('2026-11-24T10:20', ex, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=5' });
    expect(s.message.step).toBe('published');
  });

  it("of a comment is a reply under the comment's post", () => {
    expect(isReplyUnder('https://vk.com/wall-100_502?reply=777', 'https://vk.com/wall-100_502?reply=601')).toBe(true);
    expect(isReplyUnder('https://ok.ru/group/300/topic/700001?commentId=5', 'https://ok.ru/group/300/topic/700001')).toBe(true);
    expect(isReplyUnder('https://ok.ru/group/300/topic/700002?commentId=5', 'https://ok.ru/group/300/topic/700001')).toBe(false);
    expect(isReplyUnder('not a url', 'https://vk.com/wall-1_1')).toBe(false);
  });
});

describe('what was sent', () => {
  it("is recorded, and flagged when it is not the approved text (edited in the site's box)", () => {
    const ex = executor('minstroy');
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'interim', text: 'Проверяем, ответим до 1 декабря.' });
    s.do('2026-11-24T10:10', curator, { type: 'approve' });
    // The addressee's name the site put before it is not an edit.
    s.do('2026-11-24T10:20', ex, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=5', text: 'Ольга, проверяем, ответим до 1 декабря.' });
    expect(s.message.publications.at(-1)).not.toHaveProperty('differsFromApproved');
    s.do('2026-11-25T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Трубу заменили 24 ноября.' });
    s.do('2026-11-25T10:10', curator, { type: 'approve' });
    s.do('2026-11-25T10:20', ex, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=6', text: 'Трубу заменили 24 ноября. Извините за задержку!!!' });
    expect(s.message.publications.at(-1)).toMatchObject({ text: 'Трубу заменили 24 ноября. Извините за задержку!!!' });
    const edited = scenario('yakutia', '2026-11-24T09:00');
    edited.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    edited.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Трубу заменим до 1 декабря.' });
    edited.do('2026-11-24T10:10', curator, { type: 'approve' });
    edited.do('2026-11-24T10:20', ex, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=5', text: 'Трубу заменим когда-нибудь.' });
    expect(edited.message.publications.at(-1)).toMatchObject({ text: 'Трубу заменим когда-нибудь.', differsFromApproved: true });
  });

  it("puts the addressee's name in once when the site already wrote it in the box", async () => {
    const { withoutPrefix } = await import('@/lib/sites/dom');
    expect(withoutPrefix('Ольга, воду дадут до 18:00.', 'Ольга, ')).toBe('воду дадут до 18:00.');
    expect(withoutPrefix('Воду дадут до 18:00.', 'Ольга, ')).toBe('Воду дадут до 18:00.');
    expect(withoutPrefix('Ольга, воду дадут.', '')).toBe('Ольга, воду дадут.');
  });
});

describe('Khabarovsk п. 12: a reworked answer published directly', () => {
  it('publishes the reworked text, never the one sent back', () => {
    const ex = executor('minstroy');
    const s = scenario('khabarovsk', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T10:00', ex, { type: 'submitDraft', kind: 'answer', text: 'Старый текст' });
    s.do('2026-11-24T10:30', curator, { type: 'requestRework', remarks: 'Нужен срок' });
    expect(s.refuse('2026-11-24T11:00', ex, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=5' }).text).toMatch(/доработанный текст/);
    s.do('2026-11-24T11:00', ex, { type: 'publish', url: 'https://vk.com/wall-1_1?reply=5', text: 'Починим до 1 декабря, тел. 42-15-16.' });
    expect(s.message.publications.at(-1)).toMatchObject({ text: 'Починим до 1 декабря, тел. 42-15-16.' });
    expect(s.message.publications.at(-1)).not.toHaveProperty('differsFromApproved');
    expect(s.message.breaches).toEqual([]);
  });
});

describe('a message whose body left the directory', () => {
  it('is taken back by the curator and routed anew (reassign); nobody else can move it', async () => {
    const { allowedCommands } = await import('@/lib/workflow/machine');
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'Отдел ЖКХ' }] }); // a made-up body of an older release
    expect(allowedCommands(s.message, curator, s.profile)).not.toContain('route');
    expect(s.refuse('2026-11-24T09:20', executor('minzhkh'), { type: 'route', reassign: true, assignments: [{ body: 'minzhkh' }] }).code).toBe('forbidden');
    s.do('2026-11-24T09:20', curator, { type: 'route', reassign: true, assignments: [{ body: 'minzhkh' }] });
    expect(s.message).toMatchObject({ step: 'routed', bodies: ['minzhkh'], openFor: ['body:minzhkh'] });
    expect(s.events.at(-1)).toMatchObject({ type: 'route', data: { reassignedFrom: ['Отдел ЖКХ'] } });
  });
});

describe('a sent reply edited in the box before sending', () => {
  it('is still recognised as the answer (and recorded with what was sent)', async () => {
    const { looksLikeSent } = await import('@/lib/sites/dom');
    const answer = 'Ольга, аварийная бригада работает на Садовой, 14; воду дадут до 18:00. Телефон 05.';
    expect(looksLikeSent(`Ольга, ${answer.slice(7)}`, answer)).toBe(true);
    expect(looksLikeSent('Ольга, аварийная бригада работает на Садовой, 14; воду дадут до 19:00. Звоните 05!', answer)).toBe(true);
    expect(looksLikeSent('Спасибо, дозвонилась.', answer)).toBe(false);
    expect(looksLikeSent('Воду дадут?', answer)).toBe(false);
  });
});
