/**
 * Queue keys: what a message's `openFor` holds and a queue is read by ('user:<id>',
 * 'body:<id>', 'role:curator'). No dependencies, so the popup's first read can load it alone.
 */

/** The queue keys of a user: their own, their bodies', the curator's role. */
export function queueKeys(user: { id: string; roles: readonly string[]; bodies: readonly string[] }): string[] {
  return [`user:${user.id}`, ...user.bodies.map((b) => `body:${b}`), ...(user.roles.includes('curator') ? ['role:curator'] : [])];
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The queue keys of the user of a stored workspace record, or null when it has no readable user. */
export function queueKeysOf(workspace: unknown): string[] | null {
  const user = (workspace as { user?: unknown } | null | undefined)?.user as Record<string, unknown> | undefined;
  if (typeof user !== 'object' || user === null || typeof user.id !== 'string' || !isStringList(user.roles) || !isStringList(user.bodies)) return null;
  return queueKeys({ id: user.id, roles: user.roles, bodies: user.bodies });
}
