/** settings key of a draft being typed, per message and person (the desk's draft box reads it). */
export const draftKey = (messageId: string, userId: string) => `draft:${messageId}:${userId}`;
