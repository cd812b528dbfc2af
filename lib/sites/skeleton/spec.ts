/**
 * What a site adapter is made of: the selectors (data, in <site>/selectors.ts) and the few
 * readers that truly differ per site (how a post's and a comment's ids are read, what a key
 * looks like, which page URL is an item's own page). defineAdapter (./index.ts) builds the
 * rest the same way for every site: finding roots, lazy and batched field reading, reply
 * boxes, the button anchor, the reply control and the health check.
 */
import type { Candidate } from '../types';
import type { Match, Tracer } from '../dom';

export type Kind = 'post' | 'comment';

/** How the fields of one kind of item are found. */
export interface FieldSelectors {
  author: readonly Candidate[];
  /** The author's link when the name is not inside a link (VK: the comment's avatar). */
  authorLink?: readonly Candidate[];
  text: readonly Candidate[];
  /** Inside the text container, preferred to it in this order (VK: the expanded text, then the collapsed one). */
  textInner?: readonly Candidate[];
  /** Left out of the text ("show more", signatures). */
  textSkip?: string;
  /** The date: the candidate's attribute holds Unix seconds or ms. */
  date: readonly Candidate[];
  /** Where the capture button goes: right after the first element found, trying each list in turn. */
  anchor: readonly (readonly Candidate[])[];
}

export interface SiteSelectors {
  postRoot: readonly Candidate[];
  commentRoot: readonly Candidate[];
  replyBox: readonly Candidate[];
  /** Subtrees inside a post that are someone else's (reposts); comments are always foreign to a post. */
  repost?: string;
  /** Matches of replyBox that are not comment boxes (a messenger, the new-post composer). */
  notReplyBox?: string;
  /** A comments list: when it shows but holds no comment root, the comment hooks failed. */
  commentsContainer: string;
  /**
   * The root of the post a page is about, when the site shows it over other posts (OK's topic
   * layer): a root here without a permalink of its own takes the page's URL, when that URL is
   * the item's own page. Elsewhere only the page's single post root does.
   */
  pagePostRoot?: string;
  photo: readonly Candidate[];
  video: readonly Candidate[];
  /** Matches of photo/video that are not attachments (date links, comment permalinks). */
  notAttachment?: string;
  /** The site's own "reply" control of a comment. */
  commentReply: readonly Candidate[];
  post: FieldSelectors;
  comment: FieldSelectors;
}

/**
 * Finds an item's own elements during a scan: inside the item (an added node) or from the
 * whole page's batch (one query per selector). Elements of other items nested inside (a
 * repost, a comment, a thread reply) are never an item's own.
 */
export interface Reader {
  /** The first own element matching one of the candidates, best candidate first; trace: the health check's field name. */
  first(root: Element, kind: Kind, field: string, candidates: readonly Candidate[], trace?: string): Match | null;
  all(root: Element, kind: Kind, field: string, selector: string): Element[];
  /** Set during a health check: readers may count which fallback they used. */
  readonly tracer?: Tracer;
}

export interface SiteSpec {
  site: 'vk' | 'ok';
  selectors: SiteSelectors;
  /**
   * A comment root inside another one is: 'thread' — a reply, an item of its own (VK);
   * 'wrapper' — the same comment, the outer root being the item (OK's hook block around it).
   */
  nestedComments: 'thread' | 'wrapper';
  /** The object path of a post ('wall-1_2', 'group/3/topic/4') from its own markup, or null. */
  postPath(root: Element, read: Reader): string | null;
  /** A comment's id (opaque) and, when its own markup names it, its object's path. */
  commentId(root: Element, read: Reader): { id: string; path?: string } | null;
  /** The key and canonical link of a comment; null when they cannot be stored. */
  commentKey(path: string, id: string): { key: string; url: string } | null;
  /** The object path of the item a page URL's path is the own page of, or null. */
  pagePath(pathname: string): string | null;
  /** Reply boxes whose form names what they answer (VK's legacy forms). */
  replyBox?: {
    /** The post's path from the box itself. */
    postPath?(box: Element): string | null;
    /** The id of the comment being answered, when the form says so. */
    answering?(box: Element): string | null;
  };
  health: {
    /** The name of the check that posts were found with an id: 'post-id' (VK) or 'post-permalink' (OK). */
    postIdCheck: string;
    /** Whether a page of this path must show posts (a feed, a wall, a post's page). */
    postsExpected(path: string | undefined): boolean;
    /** Whether a page must show a reply box (a post's own page, a page with comments). */
    replyBoxExpected(path: string | undefined, commentRoots: number): boolean;
  };
}
