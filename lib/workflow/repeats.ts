/**
 * Likely repeats at capture: a new post on an issue already handled is linked to the earlier
 * message, and its answer must report measures (regulations.md, workflow step 8). Suggestions
 * only: the curator confirms the link (command linkRepeat).
 */
import { normalizeWord, tokenize } from '../lint/lexicon';
import type { Message } from '../model/workflow';

export interface RepeatCandidate {
  id: string;
  reasons: Array<'author' | 'topic-location' | 'text'>;
  score: number;
}

/** How far back a message can be a repeat's original. */
export const REPEAT_WINDOW_MS = 90 * 86_400_000;
const STOP = new Set([
  'и',
  'в',
  'на',
  'не',
  'по',
  'что',
  'с',
  'у',
  'к',
  'за',
  'уже',
  'как',
  'а',
  'но',
  'это',
  'когда',
  'же',
  'до',
  'от',
  'для',
  'из',
  'о',
  'мы',
  'нас',
  'нам',
  'вы',
]);

function words(text: string): Set<string> {
  const out = new Set<string>();
  // A rough stem (first 5 letters) makes «дорогу» and «дороги» the same word.
  for (const t of tokenize(text)) if (t.norm.length > 2 && !STOP.has(t.norm)) out.add(normalizeWord(t.norm).slice(0, 5));
  return out;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common += 1;
  return common / (a.size + b.size - common);
}

/**
 * Earlier messages that the new capture likely repeats: same author, or same topic and
 * location within the window, or similar text (Jaccard over word stems ≥ 0.35). Best first.
 */
export function suggestRepeats(
  capture: { key: string; author: { name: string; url?: string }; text: string; topic?: string; location?: string },
  earlier: readonly Message[],
  now: number,
  limit = 5,
): RepeatCandidate[] {
  const mine = words(capture.text);
  const out: RepeatCandidate[] = [];
  for (const m of earlier) {
    if (m.key === capture.key || now - m.detectedAt > REPEAT_WINDOW_MS) continue;
    const reasons: RepeatCandidate['reasons'] = [];
    let score = 0;
    const sameAuthor = capture.author.url ? capture.author.url === m.author.url : capture.author.name !== '' && capture.author.name === m.author.name;
    if (sameAuthor) {
      reasons.push('author');
      score += 1;
    }
    if (capture.topic && capture.location && capture.topic === m.topic && capture.location.trim().toLowerCase() === m.location.trim().toLowerCase()) {
      reasons.push('topic-location');
      score += 1;
    }
    const sim = similarity(mine, words(m.text));
    if (sim >= 0.35) {
      reasons.push('text');
      score += sim * 2;
    }
    if (reasons.length) out.push({ id: m.id, reasons, score });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}
