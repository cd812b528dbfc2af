/**
 * The checker's score of a published answer (lib/lint checkDraft: 0–10, 10 = free of
 * officialese). Scores are not stored with the message, so the report derives them from the
 * published text. checkDraft costs ~0.1–0.2 ms per answer: the scorer remembers each text's
 * score (up to `limit` texts), so a page that recomputes its report with other filters pays once.
 */
import { checkDraft } from '../lint';

export function answerScorer(disabledRules: readonly string[] = [], limit = 200_000): (text: string) => number {
  const cache = new Map<string, number>();
  return (text) => {
    let score = cache.get(text);
    if (score === undefined) {
      score = checkDraft(text, { disabledRules }).score;
      if (cache.size >= limit) cache.clear();
      cache.set(text, score);
    }
    return score;
  };
}
