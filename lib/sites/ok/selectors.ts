/**
 * Every OK selector the adapter uses, as data, best first. OK is server-rendered with hook
 * blocks and stable class names; no 2025–26 feed markup was public, so confidence is lower
 * than for VK (../shared/docs/vk-ok-dom.md §3). Kept honest by test/fixtures/ok-feed.html.
 */
import type { Candidate } from '../types';

export const OK = {
  postRoot: [
    { selector: '.feed-w', note: 'feed item wrapper' },
    { selector: 'div.feed[data-seen-params]', note: 'feed item' },
    { selector: '#hook_Block_MediaTopicLayerBody', note: 'topic layer (modal)' },
  ],
  permalink: [
    { selector: 'a[href*="/topic/"]', attribute: 'href', note: '/group/<gid>/topic/<tid>, /<alias>/topic/<tid>' },
    { selector: 'a[href*="/statuses/"]', attribute: 'href', note: '/profile/<uid>/statuses/<sid>' },
  ],
  author: [
    { selector: 'a.user-link', note: 'person (also a person posting in a group)' },
    { selector: 'a.group-link', note: 'community' },
    { selector: '.feed_top a[href^="/"]', note: 'any header link' },
  ],
  text: [
    { selector: '.media-text_cnt_tx', note: '.media-text_cnt_tx.emoji-tx.textWrap' },
    { selector: '.media-text_cnt' },
  ],
  textSkip: '.media-text_more, .js-more',
  header: [{ selector: '.feed_top' }],
  replyBox: [{ selector: '.comments_add-ceditable[contenteditable="true"]' }],
} satisfies Record<string, readonly Candidate[] | string>;

/* Fixture: test/fixtures/ok-feed.html */
