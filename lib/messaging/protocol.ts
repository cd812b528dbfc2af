/**
 * The one request/response channel between content scripts, extension pages and the
 * background. Every request type names its payload and reply schemas and who may send it:
 * 'site' = a content script on vk.com / vk.ru / ok.ru, 'extension' = an extension page.
 * Both ends validate with zod; nothing unvalidated reaches a handler or a caller.
 */
import { z } from 'zod';
import { commandSchema, stepSchema } from '../model/workflow';
import { siteProtocol } from './site-protocol';

export { CHANNEL, ChannelError, describeIssues, envelopeSchema, errorCodes, replySchema, type ErrorCode, type Reply, type WireReason } from './channel';
import { reasonFields } from './channel';
import { workspaceSchema } from '../workflow/workspace';
import { actorSchema } from '../model/workflow';

/** How the team server connection stands (lastError.code: said by the UI as sync.error.<code>). */
export const syncStatusSchema = z.object({
  connected: z.boolean(),
  server: z.string().optional(),
  workspaceName: z.string().optional(),
  person: actorSchema.optional(),
  pending: z.number(),
  refusals: z.number(),
  lastPullAt: z.number().optional(),
  lastPushAt: z.number().optional(),
  lastError: z.object({ code: z.string(), at: z.number(), status: z.number().optional() }).optional(),
  revoked: z.boolean(),
  /** The poke socket is open (changes arrive within a second); else the one-minute alarm pulls. */
  live: z.boolean().optional(),
});

export const protocol = {
  ...siteProtocol,
  /** A workflow step on a stored message (extension pages only: privileged). */
  'message.command': {
    from: ['extension'],
    request: z.object({ id: z.string().min(1), command: commandSchema }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), step: stepSchema, nextDueAt: z.number().optional() }),
      /** code: the workflow's coarse code; reason and params: why, said by the page that shows it. */
      z.object({ ok: z.literal(false), code: z.string(), ...reasonFields }),
    ]),
  },
  /**
   * Publish in place: opens or focuses the tab with the post, opens the site's reply form and
   * puts the approved text into it. The official sends it; the page reports the sent reply.
   */
  'publish.start': {
    from: ['extension'],
    /** text: the summary answer written at the summary step (otherwise the approved draft). */
    request: z.object({ id: z.string().min(1), text: z.string().max(20_000).optional() }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), tabId: z.number(), method: z.enum(['execCommand', 'paste', 'beforeinput']) }),
      z.object({ ok: z.literal(false), ...reasonFields }),
    ]),
  },
  /** Runs the deadline check now (the alarm runs it every minute). */
  'notify.check': {
    from: ['extension'],
    request: z.object({}),
    response: z.object({ notified: z.number() }),
  },
  /** Saves the workspace settings and directory (extension pages only). */
  'workspace.save': {
    from: ['extension'],
    request: z.object({ workspace: workspaceSchema }),
    response: z.object({ saved: z.literal(true) }),
  },
  /** A backup of the whole workspace, or the hand-over file of one body (extension pages only). */
  'backup.export': {
    from: ['extension'],
    request: z
      .object({ kind: z.enum(['full', 'handover']), body: z.string().min(1).optional() })
      .refine((d) => d.kind === 'full' || d.body !== undefined, { message: 'a hand-over names its body', path: ['body'] }),
    response: z.object({ file: z.string(), messages: z.number() }),
  },
  /** Merges a backup or hand-over file (extension pages only). */
  'backup.import': {
    from: ['extension'],
    request: z.object({ text: z.string().max(200_000_000), replaceWorkspace: z.boolean().optional() }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), added: z.number(), updated: z.number(), unchanged: z.number(), events: z.number(), workspace: z.boolean() }),
      z.object({ ok: z.literal(false), ...reasonFields }),
    ]),
  },
  /**
   * The team server (extension pages only). connect: the options page has asked for the server's
   * origin (a user gesture) and sends the invitation code; the first pull follows at once.
   */
  'sync.connect': {
    from: ['extension'],
    request: z.object({ server: z.string().trim().min(1).max(500), code: z.string().trim().min(4).max(64) }),
    response: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), status: syncStatusSchema }), z.object({ ok: z.literal(false), code: z.string() })]),
  },
  /** Disconnects; refused while commands wait for the server, unless forced. */
  'sync.disconnect': {
    from: ['extension'],
    request: z.object({ force: z.boolean().optional() }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), code: z.literal('pending'), pending: z.number() }),
    ]),
  },
  'sync.status': {
    from: ['extension'],
    request: z.object({}),
    response: syncStatusSchema,
  },
  /** Push and pull now (the options' «Синхронизировать сейчас»). */
  'sync.now': {
    from: ['extension'],
    request: z.object({}),
    response: z.object({ ok: z.boolean(), code: z.string().optional(), status: syncStatusSchema }),
  },
} as const;

export type Protocol = typeof protocol;
export type RequestType = keyof Protocol;
export type RequestOf<T extends RequestType> = z.input<Protocol[T]['request']>;
export type ParsedRequestOf<T extends RequestType> = z.output<Protocol[T]['request']>;
export type ResponseOf<T extends RequestType> = z.output<Protocol[T]['response']>;
export type SenderKind = 'site' | 'extension';
