/**
 * A reply the page showed after an answer was put in place, but not from the official's own
 * profile or the body's page: kept in storage.session until the official confirms it on the
 * message card (or it expires with the browser session). Read by the desk, written by the
 * background.
 */
export interface DetectedReply {
  url: string;
  at: number;
  authorUrl?: string;
  authorName?: string;
}

export const detectedKey = (messageId: string) => `publish:detected:${messageId}`;

export function asDetectedReply(value: unknown): DetectedReply | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.url !== 'string' || typeof v.at !== 'number') return undefined;
  return {
    url: v.url,
    at: v.at,
    ...(typeof v.authorUrl === 'string' ? { authorUrl: v.authorUrl } : {}),
    ...(typeof v.authorName === 'string' ? { authorName: v.authorName } : {}),
  };
}
