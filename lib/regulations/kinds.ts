/** The kinds of deadline (a small module of its own: the content script's protocol imports it). */
export const deadlineKinds = ['route', 'return', 'draft', 'approve', 'rework', 'publish', 'answer', 'final', 'part', 'summary', 'target'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];
