/**
 * Every OK selector the adapter uses, as data, best first. OK is server-rendered with hook
 * blocks and stable class names; no 2025–26 feed markup was public, so confidence is lower
 * than for VK (../shared/docs/vk-ok-dom.md §3). Kept honest by the fixtures and the health check.
 */
import type { SiteSelectors } from '../skeleton';
import type { Candidate } from '../types';

export const OK = {
  postRoot: [
    { selector: '.feed-w', note: 'feed item wrapper' },
    { selector: 'div.feed[data-seen-params]', note: 'feed item' },
    { selector: '#hook_Block_MediaTopicLayerBody', note: 'topic layer (modal) and topic page' },
  ],
  permalink: [
    { selector: 'a[href*="/topic/"]', attribute: 'href', note: '/group/<gid>/topic/<tid>, /<alias>/topic/<tid>' },
    { selector: 'a[href*="/statuses/"]', attribute: 'href', note: '/profile/<uid>/statuses/<sid>' },
  ],
  author: [
    { selector: 'a.user-link', note: 'person (also a person posting in a group)' },
    { selector: 'a.group-link', note: 'community' },
    { selector: '.feed_top a[href^="/"], .mlr_top a[href^="/"]', note: 'any header link' },
  ],
  text: [{ selector: '.media-text_cnt_tx', note: '.media-text_cnt_tx.emoji-tx.textWrap' }, { selector: '.media-text_cnt' }],
  textSkip: '.media-text_more, .js-more',
  date: [{ selector: '[data-time]', attribute: 'data-time', note: 'ms or s' }],
  photo: [{ selector: 'a[href*="/photo/"], .collage_img, img.media-photos_img', attribute: 'href' }],
  video: [{ selector: 'a[href*="/video/"]', attribute: 'href' }],
  header: [{ selector: '.feed_top, .mlr_top' }],

  /** The post a page is about when OK shows it over the feed: the topic layer's body (a root without its own permalink there takes the page's URL). */
  pagePostRoot: '#hook_Block_MediaTopicLayerBody',

  /** Comments: the hook block of each comment, or the 2025 design's item. */
  commentRoot: [
    { selector: '.comments_lst_cnt > div[id^="hook_Block_"]', note: 'hook block per comment' },
    { selector: 'div.comments_i', note: 'comment item (also .__new-comments)' },
  ],
  /**
   * The comment id: JSON in data-seen-params (data.commentId), else data-id; on the root itself or
   * inside it. Opaque: digits on older pages, base64-like strings elsewhere ("Qk+x/9==").
   */
  commentId: [
    { selector: '[data-seen-params]', attribute: 'data-seen-params', note: 'JSON data.commentId' },
    { selector: '[data-id]', attribute: 'data-id' },
  ],
  commentAuthor: [
    { selector: 'a.comments_author-name', note: 'name in a <span>' },
    { selector: '.comments_current__header__main__author__name', note: 'new design ~2025' },
  ],
  commentText: [
    { selector: 'span.js-text-full', note: 'full text' },
    { selector: '.comments_text', note: '.comments_text.textWrap' },
  ],
  commentReply: [{ selector: '[data-l*="t,reply"], .comments_reply', note: 'the site\'s own "Ответить"' }],

  replyBox: [
    { selector: '.comments_add-ceditable[contenteditable="true"]', note: '.itx.js-comments_add.js-ok-e.comments_add-ceditable' },
    { selector: '.comments_add [contenteditable="true"]', note: 'any editable in the comment form' },
  ],
  /** A comments list: if it shows but holds no comment root, the comment hooks failed. */
  commentsContainer: '.comments_lst_cnt',
} satisfies Record<string, readonly Candidate[] | string>;

/** The lists above as the adapter skeleton reads them (lib/sites/skeleton/spec.ts). */
export const OK_SELECTORS: SiteSelectors = {
  postRoot: OK.postRoot,
  commentRoot: OK.commentRoot,
  replyBox: OK.replyBox,
  commentsContainer: OK.commentsContainer,
  pagePostRoot: OK.pagePostRoot,
  photo: OK.photo,
  video: OK.video,
  commentReply: OK.commentReply,
  post: { author: OK.author, text: OK.text, textSkip: OK.textSkip, date: OK.date, anchor: [OK.header] },
  // Beside the comment's date (its footer line), else after the author's name.
  comment: { author: OK.commentAuthor, text: OK.commentText, date: OK.date, anchor: [OK.date, OK.commentAuthor] },
};

/** A topic's own page (comments and a reply box expected). */
export const OK_TOPIC_PAGE = /\/(topic|statuses)\/[\w-]+\/?$/;

/*
 * Fixtures: test/fixtures/ok-feed.html (group feed), test/fixtures/ok-topic.html (a group
 * topic with comments and a working comment form), test/fixtures/ok-topic-layer.html (a topic
 * in the layer over the feed, no permalink inside it, base64-like comment ids, 2025 comments).
 */
