/**
 * Every VK selector the adapter uses, as data: per field a list of fallbacks, best first.
 * M = modern React/VKUI markup (data-testid hooks), L = legacy server-rendered markup (still
 * served in the photo viewer, on some walls and when logged out). Second-hand hypotheses from
 * public projects (see the research note ../shared/docs/vk-ok-dom.md §2), kept honest by the
 * fixtures in test/fixtures/ and the health check, which names the field whose selectors all
 * failed and which fields only matched through a fallback. Never match hashed class names
 * exactly: only by prefix.
 */
import type { SiteSelectors } from '../skeleton';
import type { Candidate } from '../types';

export const VK = {
  /** Roots of posts. A root nested in another root is a repost (or a wrapper) and is not an item. */
  postRoot: [
    { selector: '[data-testid="post"]', note: 'M' },
    { selector: 'div[data-post-id]', note: 'M/hybrid' },
    { selector: '._post.Post--redesignV3, .Post--redesign', note: 'hybrid 2024–25' },
    { selector: 'div.post[id^="post"]:not(.reply)', note: 'L, e.g. 2012 walls' },
    { selector: '#pv_box', note: 'L photo viewer: the photo with its description is the "post"' },
  ],
  /** Roots of comments. A comment root contains its thread: a reply is a root inside a root. */
  commentRoot: [
    { selector: '[data-testid="wall_comments_comment_root"]', note: 'M' },
    { selector: '[data-testid="wall_comments_comment_in_thread"]', note: 'M, reply in a thread' },
    { selector: '[data-testid="comment"]', note: 'M, video and mobile layouts' },
    { selector: '.reply._post, div.reply[id^="post"]', note: 'L (walls, photo viewer)' },
  ],
  /** A repost (shared post) inside a post: its fields are not the post's own. */
  repost: '[data-post-nesting-lvl]:not([data-post-nesting-lvl="0"]), .PostCopyQuote--redesignV3, .copy_quote, .copy_post_header',
  /** Post id "-123_456": attribute first, then permalinks, then legacy handlers and ids. */
  postIdAttr: [{ selector: '[data-post-id]', attribute: 'data-post-id', note: 'M, L' }],
  permalink: [
    { selector: 'a[data-testid="post_date_block_preview"][href*="/wall"]', attribute: 'href', note: 'M' },
    { selector: 'a.PostDateBlock__root[href*="/wall"], a.PostHeaderSubtitle__link[href*="/wall"]', attribute: 'href', note: 'hybrid' },
    // Only the header and date area: a /wall link in the citizen's own text is not the post's id.
    {
      selector:
        'a.post_link[href*="/wall"], .reply_link_wrap a[href*="/wall"], .post_header a[href^="/wall"]:not([href*="reply="]), .post_date a[href^="/wall"]:not([href*="reply="])',
      attribute: 'href',
      note: 'L (header and date only)',
    },
    { selector: '#pv_date a[href*="/photo"], a.pv_date_link[href*="/photo"]', attribute: 'href', note: 'L photo viewer date link' },
  ],
  author: [
    { selector: '[data-testid="post-header-title"]', note: 'M, an <a href="/slug">' },
    { selector: '.PostHeaderTitle__authorLink', note: 'hybrid' },
    { selector: 'a.author, .post_author a, .post_author, .pv_author_name a', note: 'L' },
  ],
  text: [
    { selector: '[data-testid="showmoretext-in-expanded"]', note: 'M' },
    { selector: '[data-testid="showmoretext-in"]', note: 'M' },
    { selector: '[data-testid="post_text"]', note: 'M' },
    { selector: '[class*="vkitPostText__root"]', note: 'M, hashed class by prefix' },
    { selector: '.wall_post_text, #pv_desc, .pv_desc', note: 'L' },
  ],
  /** Left out of the text: "show more" controls and community signatures. */
  textSkip: '[data-testid="showmoretext-after"], [data-id="showMoreButton"], .wall_post_more, [data-testid="post-footer-author"], .wall_signed_by',
  date: [
    { selector: '[data-ts]', attribute: 'data-ts', note: 'M, unix seconds' },
    { selector: '.rel_date[data-time]', attribute: 'data-time', note: 'L' },
    { selector: '.rel_date[time]', attribute: 'time', note: 'L 2012' },
  ],
  photo: [{ selector: 'a[href^="/photo"]', attribute: 'href' }, { selector: '[data-testid="primary-attachment-photo"]' }],
  video: [{ selector: 'a[data-video]', attribute: 'href' }, { selector: '[data-testid="primary-attachment-video"]' }],
  /** Not attachments: the photo viewer's own date link, comment permalinks. */
  notAttachment: '#pv_date a, a.pv_date_link, a[href*="reply="]',
  /** Where the capture button goes: after the post header if found, else at the top of the post. */
  header: [
    { selector: '[data-testid="post_header"], [data-testid="post-header"]', note: 'M' },
    { selector: '.PostHeader, .post_header, #pv_author_block', note: 'hybrid, L' },
  ],

  /** A comment's permalink: its date link carries ?reply=<commentId>. */
  commentPermalink: [
    { selector: 'a[data-testid="wall_comment_date"][href*="reply="]', attribute: 'href', note: 'M' },
    { selector: 'a.wd_lnk[href*="reply="], a[href*="reply="]', attribute: 'href', note: 'L, and any reply link' },
  ],
  commentAuthor: [
    { selector: '[data-testid="comment-owner"]', note: 'M (name)' },
    { selector: '.reply_author .author, .reply_author a', note: 'L' },
    { selector: 'a.author', note: 'L 2012' },
  ],
  commentAuthorLink: [
    { selector: 'a[data-testid="comment-avatar"][href]', attribute: 'href', note: 'M' },
    { selector: 'a.reply_image[href], a.author[href]', attribute: 'href', note: 'L' },
  ],
  commentText: [
    { selector: '[data-testid="comment-text"]', note: 'M' },
    { selector: '.wall_reply_text', note: 'L' },
    { selector: '.reply_text', note: 'L, older' },
  ],
  /** Inside the comment text: the expanded text first, then the collapsed one (else the whole box). */
  commentTextInner: [
    { selector: '[data-testid="showmoretext-in-expanded"]', note: 'M' },
    { selector: '[data-testid="showmoretext-in"]', note: 'M' },
  ],
  /** The site's own "reply" control of a comment. */
  commentReply: [
    { selector: '[data-testid="comment-reply"]', note: 'M' },
    { selector: '.reply_link, a.reply_to_link', note: 'L' },
  ],

  /** Reply boxes: the comment composers (contenteditable). */
  replyBox: [
    { selector: '[data-testid="content-editable-input"][contenteditable="true"]', note: 'M' },
    { selector: '[class*="vkitCommentInput__root"] [contenteditable="true"]', note: 'M, by the composer root' },
    { selector: '.reply_form [contenteditable="true"][id^="reply_field"], [id^="reply_field"][contenteditable="true"]', note: 'L' },
  ],
  /** Contenteditables that are not comment boxes (messenger, new-post composer). */
  notReplyBox: '.ComposerInput__input, .ConvoComposer__input, [data-testid="posting_base_screen_input_message"], #submit_post_field',
  /** Legacy: the hidden field that holds the comment being answered. */
  replyTo: 'input[type="hidden"][id^="reply_to"]',
  /** A comments container: if it shows but holds no comment root, the comment hooks failed. */
  commentsContainer: '[data-testid="wall_comments_layout_root"], .replies_wrap:not([style*="none"]), #pv_comments',
} satisfies Record<string, readonly Candidate[] | string>;

/** The lists above as the adapter skeleton reads them (lib/sites/skeleton/spec.ts). */
export const VK_SELECTORS: SiteSelectors = {
  postRoot: VK.postRoot,
  commentRoot: VK.commentRoot,
  replyBox: VK.replyBox,
  repost: VK.repost,
  notReplyBox: VK.notReplyBox,
  commentsContainer: VK.commentsContainer,
  photo: VK.photo,
  video: VK.video,
  notAttachment: VK.notAttachment,
  commentReply: VK.commentReply,
  post: { author: VK.author, text: VK.text, textSkip: VK.textSkip, date: VK.date, anchor: [VK.header] },
  comment: {
    author: VK.commentAuthor,
    authorLink: VK.commentAuthorLink,
    text: VK.commentText,
    textInner: VK.commentTextInner,
    textSkip: VK.textSkip,
    date: VK.date,
    // Beside the comment's date link, else after the author's name.
    anchor: [VK.commentPermalink, VK.commentAuthor],
  },
};

/** Pages where posts are expected (feed, wall, single post), for the health check. */
export const VK_POST_PAGE = /^\/(feed|wall-?\d+(_\d+)?|club\d+|public\d+|id\d+|[A-Za-z0-9_.]+)\/?$/;
/** A single post's page: its comments and reply box are expected. */
export const VK_SINGLE_POST = /^\/(wall|photo)-?\d+_\d+\/?$/;

/*
 * Fixtures (what each imitates is written at its top):
 * test/fixtures/vk-feed.html      modern feed: repost, repeated pinned post, comments, composer
 * test/fixtures/vk-wall.html      modern community wall with virtualised scrolling
 * test/fixtures/vk-post.html      modern single post with expanded threads and a working composer
 * test/fixtures/vk-photo.html     legacy photo viewer with comments and a legacy reply form
 * test/fixtures/vk-post-flat.html hybrid post on its own page without an id in its markup, flat comments
 * ../shared/fixtures/vk-ok-dom/vkfeed-2012/  real legacy walls (2012), read in unit tests only
 */
