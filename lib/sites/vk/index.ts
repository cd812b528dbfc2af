/** VK adapter: posts and comments (modern and legacy markup) as PageItems, from the shared skeleton. */
import { defineAdapter } from '../skeleton';
import type { PageItem, SiteAdapter } from '../types';
import { vkCommentId, vkCommentKey, vkPagePath, vkPostId, vkReplyBox } from './ids';
import { VK_POST_PAGE, VK_SELECTORS, VK_SINGLE_POST } from './selectors';

export { vkPagePath, vkPostId } from './ids';

const vk = defineAdapter({
  site: 'vk',
  selectors: VK_SELECTORS,
  // A comment root contains its thread: a reply is a root inside a root, an item of its own.
  nestedComments: 'thread',
  postPath: vkPostId,
  commentId: vkCommentId,
  commentKey: vkCommentKey,
  pagePath: vkPagePath,
  replyBox: vkReplyBox,
  health: {
    postIdCheck: 'post-id',
    postsExpected: (path) => VK_POST_PAGE.test(path ?? '/feed'),
    replyBoxExpected: (path) => VK_SINGLE_POST.test(path ?? '/feed'),
  },
});

export const vkAdapter: SiteAdapter = vk;

/** Every item under root with every field read now (one batch over a whole page), as the health check reads them. */
export function readVkItems(root: ParentNode): PageItem[] {
  return vk.readItems(root);
}
