/**
 * Who may see a message on the team server: a curator sees the region (the workspace); an
 * executor sees the messages routed to one of his bodies or named to him. The server's pull,
 * its message lookups and the row-level security policy (server/migrations) say the same.
 */
import type { Actor, Message } from '../model/workflow';

export function visibleTo(m: Pick<Message, 'bodies' | 'assignments'>, actor: Pick<Actor, 'id' | 'roles' | 'bodies'>): boolean {
  if (actor.roles.includes('curator')) return true;
  return m.bodies.some((b) => actor.bodies.includes(b)) || m.assignments.some((a) => a.executor !== undefined && a.executor === actor.id);
}

/** The executors a message is named to (a column the server filters and polices on). */
export const executorsOf = (m: Pick<Message, 'assignments'>): string[] => [
  ...new Set(m.assignments.flatMap((a) => (a.executor !== undefined ? [a.executor] : []))),
];
