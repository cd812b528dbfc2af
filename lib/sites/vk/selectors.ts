/**
 * Every VK selector the adapter uses, as data: per field a list of fallbacks, best first.
 * M = modern React/VKUI markup (data-testid hooks), L = legacy server-rendered markup (still
 * served in the photo viewer, on some walls and when logged out). Second-hand hypotheses from
 * public projects (see the research note ../shared/docs/vk-ok-dom.md §2), kept honest by the
 * fixtures in test/fixtures/ and the health check. Never match hashed class names exactly.
 */
import type { Candidate } from '../types';

export const VK = {
  /** Roots of posts. A root nested in another root is a repost and is not an item. */
  postRoot: [
    { selector: '[data-testid="post"]', note: 'M' },
    { selector: 'div[data-post-id]', note: 'M/hybrid' },
    { selector: '._post.Post--redesignV3, .Post--redesign', note: 'hybrid 2024–25' },
    { selector: 'div.post[id^="post"]:not(.reply)', note: 'L, e.g. 2012 walls' },
  ],
  /** A repost (shared post) inside a post: its fields are not the post's own. */
  repost: '[data-post-nesting-lvl]:not([data-post-nesting-lvl="0"]), .PostCopyQuote--redesignV3, .copy_quote, .copy_post_header',
  /** Post id "-123_456": attribute first, then permalinks, then legacy handlers. */
  postIdAttr: [
    { selector: '[data-post-id]', attribute: 'data-post-id', note: 'M, L' },
  ],
  permalink: [
    { selector: 'a[data-testid="post_date_block_preview"][href*="/wall"]', attribute: 'href', note: 'M' },
    { selector: 'a.PostDateBlock__root[href*="/wall"], a.PostHeaderSubtitle__link[href*="/wall"]', attribute: 'href', note: 'hybrid' },
    { selector: 'a.post_link[href*="/wall"], .reply_link_wrap a[href*="/wall"], a[href^="/wall"]', attribute: 'href', note: 'L' },
  ],
  author: [
    { selector: '[data-testid="post-header-title"]', note: 'M, an <a href="/slug">' },
    { selector: '.PostHeaderTitle__authorLink', note: 'hybrid' },
    { selector: 'a.author, .post_author a, .post_author', note: 'L' },
  ],
  text: [
    { selector: '[data-testid="showmoretext-in-expanded"]', note: 'M' },
    { selector: '[data-testid="showmoretext-in"]', note: 'M' },
    { selector: '[data-testid="post_text"]', note: 'M' },
    { selector: '[class*="vkitPostText__root"]', note: 'M, hashed class by prefix' },
    { selector: '.wall_post_text', note: 'L' },
  ],
  /** Left out of the text: "show more" controls and community signatures. */
  textSkip: '[data-testid="showmoretext-after"], [data-id="showMoreButton"], .wall_post_more, [data-testid="post-footer-author"], .wall_signed_by',
  date: [
    { selector: '[data-ts]', attribute: 'data-ts', note: 'M, unix seconds' },
    { selector: '.rel_date[data-time]', attribute: 'data-time', note: 'L' },
    { selector: '.rel_date[time]', attribute: 'time', note: 'L 2012' },
  ],
  photo: [
    { selector: 'a[href^="/photo"]', attribute: 'href' },
    { selector: '[data-testid="primary-attachment-photo"]' },
  ],
  video: [
    { selector: 'a[data-video]', attribute: 'href' },
    { selector: '[data-testid="primary-attachment-video"]' },
  ],
  /** Where the capture button goes: after the post header if found, else at the top of the post. */
  header: [
    { selector: '[data-testid="post_header"], [data-testid="post-header"]', note: 'M' },
    { selector: '.PostHeader, .post_header', note: 'hybrid, L' },
  ],
  /** Reply boxes (used by the reply checker; the publishing issue completes this). */
  replyBox: [
    { selector: '[data-testid="content-editable-input"][contenteditable="true"]', note: 'M' },
    { selector: '.reply_form [contenteditable="true"][id^="reply_field"]', note: 'L' },
  ],
} satisfies Record<string, readonly Candidate[] | string>;

/** Pages where posts are expected (feed, wall, single post), for the health check. */
export const VK_POST_PAGE = /^\/(feed|wall-?\d+(_\d+)?|club\d+|public\d+|id\d+|[A-Za-z0-9_.]+)\/?$/;

/* Fixtures: test/fixtures/vk-feed.html (modern), ../shared/fixtures/vk-ok-dom/vkfeed-2012 (legacy). */
