// @vitest-environment node
/** The figures of both splits, printed on demand: LINT_REPORT=1 npx vitest run … gold-report. */
import { it } from 'vitest';
import { load, replyFigures, postFigures, describeReplies, describePosts } from './gold-metrics';
it.skipIf(!process.env.LINT_REPORT)('prints the figures of issue 20 (LINT_REPORT=1; SPLIT=train|test; MISSES=1)', () => {
  const split = process.env.SPLIT ?? 'both';
  const out: string[] = [];
  if (split !== 'test') {
    const r = replyFigures(load('replies.tsv'));
    out.push(describeReplies('train replies', r));
    const p = postFigures(load('posts.tsv'));
    out.push(describePosts('train posts', p));
    if (process.env.MISSES)
      out.push(
        'MISSED K: ' + r.missedCliches.join(' | '),
        'WRONG K: ' + r.wrongCliches.join(' | '),
        'MISSED J: ' + r.missedJargon.join(' | '),
        'WRONG J: ' + r.wrongJargon.join(' | '),
        'POST MISSES:\n' + p.misses.join('\n'),
        'POST FALSE:\n' + p.falseFlags.join('\n'),
      );
  }
  if (split !== 'train') {
    out.push(describeReplies('TEST replies', replyFigures(load('replies.test.tsv'))));
    out.push(describePosts('TEST posts', postFigures(load('posts.test.tsv'))));
  }
  console.log(out.join('\n'));
});
