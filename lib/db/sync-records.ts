/**
 * What the extension keeps for the team server: the connection, the outbox, the server's state
 * under pending commands (shadows) and refusals. Records only; lib/db/sync.ts works on them.
 */
import { z } from 'zod';
import type { Reason } from '../i18n';
import { actorSchema, type Actor, type Message } from '../model/workflow';
import type { Mutation, RejectionCode } from '../sync/protocol';
import type { Workspace } from '../workflow/workspace';

/** settings key of the connection (absent: the extension works on its own). */
export const SYNC_KEY = 'sync';
/** settings key of the local data as it was just before the first pull replaced it. */
export const BEFORE_CONNECT_KEY = 'sync.beforeConnect';

export const syncConfigSchema = z.object({
  /** The server's origin, e.g. https://team.example.ru */
  server: z.url({ protocol: /^https?$/ }),
  token: z.string().min(10).max(200),
  deviceId: z.string().max(100).optional(),
  clientGroupID: z.string().min(1).max(100),
  clientID: z.string().min(1).max(100),
  /** The id the next command gets (ids count up from 1 without gaps). */
  nextMutationId: z.number().int().min(1),
  /** The workspace version seen by the last pull (null: never pulled). */
  cookie: z.number().int().min(0).nullable(),
  person: actorSchema.optional(),
  workspaceName: z.string().max(200).optional(),
  connectedAt: z.number(),
  lastPushAt: z.number().optional(),
  lastPullAt: z.number().optional(),
  /** The last failure to reach the server (a code the UI says), cleared by the next success. */
  lastError: z.object({ code: z.string().max(100), at: z.number(), status: z.number().optional() }).optional(),
  /** Set when the server refused the token: nothing is pushed until the person connects again. */
  revokedAt: z.number().optional(),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;

export interface OutboxEntry {
  seq?: number;
  mutation: Pick<Mutation, 'clientID' | 'id' | 'name' | 'args'>;
  actor: Actor;
  /** When the person gave it (this computer's clock). */
  at: number;
  /** The message ids (and 'directory') it changed locally: their shadows stay while it is pending. */
  touched: string[];
}

export type ShadowRecord = { id: string; kind: 'message'; base: Message | null } | { id: 'directory'; kind: 'directory'; base: Workspace };

export interface RefusalRecord {
  /** '<clientID>/<mutation id>' */
  key: string;
  name: Mutation['name'];
  args: unknown;
  code: RejectionCode;
  error?: Reason;
  context?: { step?: string; lastChange?: { type: string; actor: string; actorName?: string; at: number }; existingId?: string };
  messageId?: string;
  at: number;
  /** The person's text (a draft) kept as a local draft of the message. */
  keptDraft?: boolean;
  /** Dismissed by the person (kept for the record, no longer shown). */
  seenAt?: number;
}
