/**
 * What a site adapter finds on a page. Adapters use the standard DOM API only. The identity
 * (site, kind, key, url, parentKey, element) is read when the item is found; an adapter may
 * read author, text, publishedAt and attachments from the item's nodes when first asked for
 * (then kept), as the VK adapter does: a scan needs every key but few items' fields.
 */
export interface PageItem {
  site: 'vk' | 'ok';
  kind: 'post' | 'comment';
  /** Canonical and stable, e.g. 'vk:wall-33241_173007'. */
  key: string;
  /** Canonical permalink on vk.com / ok.ru, whatever host the page used. */
  url: string;
  /** A comment's post. */
  parentKey?: string;
  author: { name: string; url?: string };
  /** Visible text; NBSP and emoji images normalised; reposted text excluded. */
  text: string;
  /** Epoch ms, when the page states it. */
  publishedAt?: number;
  attachments: Array<{ type: 'photo' | 'video' | 'link' | 'other'; url?: string }>;
  element: Element;
}

export interface ReplyBox {
  element: HTMLElement;
  /** The post or comment it answers. */
  answersKey: string;
}

/**
 * One check of a page's markup (lib/sites/skeleton/health.ts). Names, each with a text
 * health.check.<name> in lib/i18n: post-root, post-id (VK) / post-permalink (OK), post-item,
 * post-text, post-author, comment-root, comment-id, comment-item, comment-author, comment-text,
 * reply-box. 'post-item' and 'comment-item' fail when a root was found but gave no item (no id
 * or permalink readable, none from the page's URL): that root gets no capture button.
 */
export interface HealthCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

export interface HealthResult {
  ok: boolean;
  checks: HealthCheck[];
}

export interface HealthOptions {
  /**
   * Read at most this many item roots of each kind, evenly spread over the page, instead of every
   * one (the roots are still all counted): the content script's check stays a few ms on a feed
   * of thousands of items. The details then say "n sampled of N".
   */
  sample?: number;
}

export interface SiteAdapter {
  site: 'vk' | 'ok';
  /** Matches the root element of any item (post or comment): lets the page observer skip unrelated mutations. */
  rootSelector: string;
  /** Matches the site's reply boxes (the reply checker listens for input in them). */
  replyBoxSelector: string;
  /** Posts and comments under root. Never throws on unknown markup. */
  findItems(root: ParentNode): PageItem[];
  findReplyBoxes(root: ParentNode): ReplyBox[];
  health(doc: Document, options?: HealthOptions): HealthResult;
  /** Where the capture button of an item goes (inside the item, near its header). */
  buttonAnchor(item: PageItem): { parent: Element; before: Node | null };
  /** The site's own control that opens the reply form for a comment (null for posts or when missing). */
  replyControl(item: PageItem): HTMLElement | null;
}

/** One way of finding a field: a CSS selector, optionally reading an attribute. */
export interface Candidate {
  selector: string;
  attribute?: string;
  /** Where this hook comes from and which markup it serves (documentation for maintainers). */
  note?: string;
}
