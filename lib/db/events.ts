/**
 * Event identity. Every stored event carries an id derived from its content (message, type,
 * instant, actor, command, data), so the same step recorded in two browsers has the same id:
 * hand-over files and backups merge their logs without duplicates, and two different events
 * (two deadlines missed at the same step) never collapse into one.
 */
import type { WorkflowEvent } from '../model/workflow';

/** JSON with object keys sorted: the same value gives the same text whatever its key order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** cyrb53: a fast 53-bit string hash (enough to tell a message's events apart). */
function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The event's id: its own if it has one, else one derived from its content. */
export function eventId(e: Omit<WorkflowEvent, 'seq'> & { id?: string }): string {
  if (e.id) return e.id;
  const { seq: _seq, id: _id, ...content } = e as WorkflowEvent & { id?: string };
  return `${e.messageId}:${hash53(canonical(content))}`;
}

/** Events as stored: without the local sequence number, each with its id. */
export function withIds(events: readonly WorkflowEvent[]): WorkflowEvent[] {
  return events.map((e) => {
    const { seq: _seq, ...rest } = e;
    return { ...rest, id: eventId(e) };
  });
}
