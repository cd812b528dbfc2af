/** OK adapter: feed posts, topics (on their page or in the topic layer) and their comments, from the shared skeleton. */
import { defineAdapter } from '../skeleton';
import type { PageItem, SiteAdapter } from '../types';
import { okCommentId, okCommentKey, okPagePath, okPostId } from './ids';
import { OK_SELECTORS, OK_TOPIC_PAGE } from './selectors';

export { okPagePath, okPostPath } from './ids';

const ok = defineAdapter({
  site: 'ok',
  selectors: OK_SELECTORS,
  // The hook block and the comment item inside it are one comment; replies are not nested.
  nestedComments: 'wrapper',
  postPath: okPostId,
  commentId: okCommentId,
  commentKey: okCommentKey,
  pagePath: okPagePath,
  health: {
    postIdCheck: 'post-permalink',
    postsExpected: () => true,
    replyBoxExpected: (path, commentRoots) => OK_TOPIC_PAGE.test(path ?? '/') || commentRoots > 0,
  },
});

export const okAdapter: SiteAdapter = ok;

/** Every item under root with every field read now (one batch over a whole page), as the health check reads them. */
export function readOkItems(root: ParentNode): PageItem[] {
  return ok.readItems(root);
}
