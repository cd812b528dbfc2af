/**
 * The data of the reports benchmarks (issue 18): a year (2026, Yakutia) of 100,000 synthetic
 * messages shaped like stored ones: detected in working hours on every working day, routed,
 * drafted, approved and published at varying delays (some late), 4 % still open, 3 % with a
 * rework, 2 % returned and re-routed, 1 % with an interim answer, 1 % not processable; 8 bodies,
 * 27 topics, 11 locations. Shared by the Vitest bench and the bundled one (reports-bundled.mjs).
 */
import { getProfile } from '../../lib/regulations';
import type { Message } from '../../lib/model/workflow';
import { createWorkCalendar, isWorkingTime, regionalSchedule } from '../../lib/worktime';

export const profile = getProfile('yakutia');
export const calendar = createWorkCalendar(regionalSchedule('yakutia'));
export const YEAR = { from: Date.UTC(2025, 11, 31, 15), to: Date.UTC(2026, 11, 31, 15) }; // 2026 in Asia/Yakutsk (UTC+9)
export const NOW = Date.UTC(2027, 0, 11, 3);
const MIN = 60_000;
export const BODIES = ['minstroy', 'minzhkh', 'mintrans', 'minzdrav', 'minobr', 'mintrud', 'minpriroda', 'yakutsk'];
const LOCATIONS = ['Якутск', 'Нерюнгри', 'Мирный', 'Ленск', 'Алдан', 'Вилюйск', 'Покровск', 'Нюрба', 'Удачный', 'Олёкминск', 'Жатай'];
const TOPICS = Array.from({ length: 27 }, (_, i) => `Тема ${i + 1}`);

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** `n` instants in working hours of the year, evenly spread, in order. */
function workingInstants(n: number): number[] {
  const all: number[] = [];
  const step = (YEAR.to - YEAR.from) / (n * 6);
  for (let t = YEAR.from; t < YEAR.to; t += step) if (isWorkingTime(calendar, Math.round(t))) all.push(Math.round(t));
  return Array.from({ length: n }, (_, i) => all[Math.floor((i * all.length) / n)]!);
}

function message(i: number, detectedAt: number, rnd: () => number): Message {
  const body = BODIES[i % BODIES.length]!;
  const executor = `ex-${body}-${i % 5}`;
  const id = `m${i}`;
  const r = rnd();
  const open = r < 0.04;
  const notProcessable = r >= 0.04 && r < 0.05;
  const rework = r >= 0.05 && r < 0.08;
  const returned = r >= 0.08 && r < 0.1;
  const interim = r >= 0.1 && r < 0.11;
  const late = rnd() < 0.1 ? 8 * 60 : 0;
  const routedAt = detectedAt + (5 + Math.floor(rnd() * 40)) * MIN;
  const draftAt = routedAt + (60 + Math.floor(rnd() * 120) + late) * MIN;
  const reworkAt = draftAt + 15 * MIN;
  const redraftAt = reworkAt + 40 * MIN;
  const approvedAt = (rework ? redraftAt : draftAt) + 20 * MIN;
  const publishedAt = approvedAt + 20 * MIN;
  const m: Message = {
    id,
    key: `vk:wall-1_${i}`,
    site: i % 4 === 0 ? 'ok' : 'vk',
    kind: 'post',
    url: `https://vk.com/wall-1_${i}`,
    author: { name: `Автор ${i}` },
    text: 'Третий день нет горячей воды в доме по улице Садовой.',
    attachments: [],
    topic: TOPICS[Math.floor(rnd() * rnd() * TOPICS.length)]!,
    location: LOCATIONS[i % LOCATIONS.length]!,
    importance: i % 50 === 0 ? 'critical' : 'normal',
    status: open || interim ? 'open' : 'closed',
    step: notProcessable ? 'not_processable' : open ? 'routed' : interim ? 'interim' : 'published',
    mode: 'single',
    assignments: notProcessable
      ? []
      : [{ body, executor, order: 0, state: open ? 'active' : 'submitted', routedAt, ...(open ? {} : { submittedAt: draftAt }) }],
    detectedAt,
    createdAt: detectedAt,
    updatedAt: notProcessable ? detectedAt + 10 * MIN : open ? routedAt : publishedAt,
    remarks: rework ? [{ at: reworkAt, by: 'cur', text: 'Добавьте сроки' }] : [],
    publications: [],
    breaches: late ? [{ kind: 'draft', dueAt: draftAt - late * MIN, clause: 'п. 10' }] : [],
    pageChanges: [],
    openFor: open ? [`body:${body}`, `user:${executor}`] : [],
    bodies: notProcessable ? [] : [body],
    ...(i % 30 === 0 ? { repeatOf: `m${i - 1}` } : {}),
  };
  if (notProcessable) {
    m.notProcessable = { category: 'insult', by: 'cur', at: detectedAt + 10 * MIN };
    return m;
  }
  m.routedAt = routedAt;
  m.firstRoutedAt = returned ? routedAt - 30 * MIN : routedAt;
  if (returned) m.returnedAt = routedAt - 10 * MIN;
  if (open) return m;
  m.draftSubmittedAt = rework ? redraftAt : draftAt;
  m.firstDraftSubmittedAt = draftAt;
  if (rework) m.reworkRequestedAt = reworkAt;
  m.approvedAt = approvedAt;
  if (interim) {
    m.interimSubmittedAt = draftAt;
    m.interimPublishedAt = publishedAt;
    m.publications = [
      { kind: 'interim', at: publishedAt, text: 'Вопрос в работе, ответим до 20 числа.', by: executor, url: `https://vk.com/wall-1_${i}?reply=1` },
    ];
    return m;
  }
  m.publishedAt = publishedAt;
  m.publications = [
    { kind: 'answer', at: publishedAt, text: 'Горячую воду дадут 12 марта, телефон 42-00-00.', by: executor, url: `https://vk.com/wall-1_${i}?reply=1` },
  ];
  return m;
}

const rnd = lcg(7);
export const messages = workingInstants(100_000).map((t, i) => message(i, t, rnd));
export const captures = messages.map((m) => ({ id: m.id, detectedAt: m.detectedAt, topic: m.topic, location: m.location }));
export const MONTH = { from: Date.UTC(2026, 10, 30, 15), to: Date.UTC(2026, 11, 31, 15) }; // December 2026 in Yakutsk
