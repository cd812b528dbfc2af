/**
 * One scan of a page or of an added node: the item roots, which element belongs to which item
 * (a whole page: one climb per element, shared by every field), the page's own item, and the
 * items built from the roots, with the roots that gave none (for the health check). Everything
 * here lives for one scan: nothing is kept between scans.
 */
import {
  batchPicker,
  directPicker,
  byDocumentOrder,
  dedupeByKey,
  matchingWithin,
  outermostRoot,
  parseAll,
  safeQueryAll,
  withFields,
  type ItemIdentity,
  type Owner,
  type Picker,
  type Tracer,
} from '../dom';
import type { PageItem } from '../types';
import { pageContext, topPostsIn, type PageContext } from './page';
import { readAuthor, readBody, readFields } from './read';
import type { Site } from './site';
import type { Kind, Reader } from './spec';

export interface ScanOptions {
  /** Read every field now (the health check, readItems); otherwise when first asked for. */
  eager: boolean;
  tracer?: Tracer;
  /**
   * A whole page only: read at most this many roots of each kind, spread evenly over the page
   * (first and last included), each inside itself; `roots` still counts them all. For a health
   * check that must stay short on a long feed.
   */
  sample?: number;
}

export interface ScanResult {
  items: PageItem[];
  /** How many item roots: top posts, and comments as items (thread replies each, wrappers once). */
  roots: Record<Kind, number>;
  /** The roots that gave no item: no id or permalink could be read, nor taken from the page. */
  unread: Record<Kind, Element[]>;
  /** With a sample: how many roots of each kind were read. */
  sampled?: Record<Kind, number>;
  /** A whole page: how many elements the root selectors matched (nested and repeated roots too). */
  matched?: Record<Kind, number>;
}

/** Roles of the roots a whole-page scan knows (bits: an element may have several). */
const TOP = 1;
const COMMENT = 2;
const FOREIGN = 4;

interface Roots {
  posts: Element[];
  comments: Element[];
  /** Whole page only: every root with its role (for the batch reader). */
  roles?: Map<Element, number>;
  /** Whole page only: how many elements the root selectors matched. */
  matched?: Record<Kind, number>;
}

export function scan(site: Site, root: ParentNode, options: ScanOptions): ScanResult {
  const { sample } = options;
  const sampling = sample !== undefined && root.nodeType === 9;
  const roots = root.nodeType === 9 ? pageRoots(site, root, !sampling) : nodeRoots(site, root);
  // A sample is read inside each sampled root: a batch would query every field over the page.
  const reader =
    roots.roles && !sampling
      ? batchReader(site, root, roots, roots.roles, options.tracer)
      : options.tracer
        ? makeReader(site, directPicker, false, options.tracer)
        : site.direct;
  const ctx: ScanContext = { site, reader, eager: options.eager, page: pageContext(site, root, roots.matched ? roots.posts : undefined) };
  const unread: Record<Kind, Element[]> = { post: [], comment: [] };
  const postRoots = sampling ? spread(roots.posts, sample) : roots.posts;
  const commentRoots = sampling ? spread(roots.comments, sample) : roots.comments;
  const posts = parseAll(
    postRoots,
    (el) => parsePost(ctx, el),
    (el) => unread.post.push(el),
  );
  const comments = parseAll(
    commentRoots,
    (el) => parseComment(ctx, el),
    (el) => unread.comment.push(el),
  );
  return {
    items: [...dedupeByKey(posts), ...dedupeByKey(comments)],
    roots: { post: roots.posts.length, comment: roots.comments.length },
    unread,
    ...(sampling ? { sampled: { post: postRoots.length, comment: commentRoots.length } } : {}),
    ...(roots.matched ? { matched: roots.matched } : {}),
  };
}

/** At most n of list, evenly spread over it (the first and the last among them). */
export function spread<T>(list: readonly T[], n: number): T[] {
  const count = Math.max(0, Math.floor(n));
  if (list.length <= count) return [...list];
  if (count === 0) return [];
  if (count === 1) return [list[0]!];
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(list[Math.round((i * (list.length - 1)) / (count - 1))]!);
  return out;
}

export interface ScanContext {
  site: Site;
  reader: Reader;
  eager: boolean;
  page: PageContext;
}

/** A context for reading single items outside a scan (a reply box's comment): direct, lazy. */
export function directContext(site: Site, within: ParentNode): ScanContext {
  return { site, reader: site.direct, eager: false, page: pageContext(site, within) };
}

/** An item with its fields: read now in a whole-page batch, else when first asked for. */
function itemWithFields(ctx: ScanContext, identity: ItemIdentity): PageItem {
  const { site } = ctx;
  const { kind, element: el } = identity;
  if (ctx.eager) return { ...identity, ...readFields(site, kind, el, ctx.reader) };
  return withFields(
    identity,
    () => readAuthor(site, kind, el, site.direct),
    () => readBody(site, kind, el, site.direct),
  );
}

export function parsePost(ctx: ScanContext, el: Element): PageItem | null {
  const path = ctx.page.ownPath(el, ctx.reader);
  if (!path) return null;
  const { site } = ctx;
  const identity = { site: site.spec.site, kind: 'post', key: `${site.spec.site}:${path}`, url: `${site.origin}/${path}`, element: el } as const;
  return itemWithFields(ctx, identity);
}

export function parseComment(ctx: ScanContext, el: Element): PageItem | null {
  const { site } = ctx;
  const ids = site.spec.commentId(el, ctx.reader);
  const path = ids ? (ids.path ?? ctx.page.pathAround(el)) : null;
  const link = ids && path ? site.spec.commentKey(path, ids.id) : null;
  if (!link || !path) return null;
  const identity = { site: site.spec.site, kind: 'comment', key: link.key, url: link.url, parentKey: `${site.spec.site}:${path}`, element: el } as const;
  return itemWithFields(ctx, identity);
}

/** Roots under an added node: queries inside it only. */
function nodeRoots(site: Site, root: ParentNode): Roots {
  const matches = matchingWithin(root, site.commentRoot);
  const comments = site.spec.nestedComments === 'thread' ? matches : [...new Set(matches.map((el) => outermostRoot(el, site.commentRoot)))];
  return { posts: [...topPostsIn(site, root)], comments };
}

/**
 * Every root of each kind on the page, and its role: "inside a comment" and "the outermost post
 * root around" become set lookups up the ancestors, not selector matching.
 */
function pageRoots(site: Site, doc: ParentNode, withRoles: boolean): Roots {
  const allPosts = safeQueryAll(doc, site.postRoot);
  const matches = safeQueryAll(doc, site.commentRoot);
  const postSet = new Set(allPosts);
  const commentSet = new Set(matches);
  const comments = site.spec.nestedComments === 'thread' ? matches : matches.filter((el) => !hasAncestorIn(el, commentSet));
  const posts = new Set<Element>();
  for (const el of allPosts) {
    let top = el;
    let inComment = false;
    for (let p: Element | null = el; p; p = p.parentElement) {
      if (commentSet.has(p)) inComment = true;
      if (p !== el && postSet.has(p)) top = p;
    }
    if (!inComment) posts.add(top);
  }
  const sorted = [...posts].sort(byDocumentOrder);
  const matched = { post: allPosts.length, comment: matches.length };
  if (!withRoles) return { posts: sorted, comments, matched };
  const roles = new Map<Element, number>();
  const { repost } = site.spec.selectors;
  if (repost) for (const el of safeQueryAll(doc, repost)) roles.set(el, FOREIGN);
  for (const el of comments) roles.set(el, (roles.get(el) ?? 0) | COMMENT | FOREIGN);
  for (const el of posts) roles.set(el, (roles.get(el) ?? 0) | TOP);
  return { posts: sorted, comments, roles, matched };
}

function hasAncestorIn(el: Element, set: Set<Element>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return true;
  return false;
}

/**
 * A whole page's reader: each field's selector queried once over the page and each hit handed
 * to its owner, found from the nearest known root at or above it (one climb per element,
 * shared by posts and comments for the selectors they both use: dates, media).
 */
function batchReader(site: Site, scope: ParentNode, roots: Roots, roles: Map<Element, number>, tracer?: Tracer): Reader {
  const nearestKnown = (el: Element | null): Element | null => {
    for (let p = el; p; p = p.parentElement) if (roles.has(p)) return p;
    return null;
  };
  /** For post fields: a top post owns el, unless a comment or a repost sits between them. */
  const post: Owner = (place) => (place && roles.get(place)! & TOP ? place : null);
  /** For comment fields: the nearest comment around el (a top post is never inside a comment). */
  const comment: Owner = (place) => {
    for (let r = place; r; r = nearestKnown(r.parentElement)) {
      const role = roles.get(r)!;
      if (role & COMMENT) return r;
      if (role & TOP) return null;
    }
    return null;
  };
  const pick = batchPicker(scope, { post: roots.posts.length, comment: roots.comments.length }, nearestKnown);
  return makeReader(site, pick, true, tracer, { post, comment });
}

const anything = () => true;
const nobody: Owner = () => null;

/** A reader over a picker; a batch's own elements are decided by the owners, a direct one's by site.ownOf. */
function makeReader(site: Site, pick: Picker, batch: boolean, tracer?: Tracer, owners: Record<Kind, Owner> = { post: nobody, comment: nobody }): Reader {
  const traced = (trace: string | undefined) => (trace && tracer ? { tracer, field: trace } : undefined);
  if (batch) {
    return {
      tracer,
      first: (root, kind, field, candidates, trace) => pick.first(root, kind, field, candidates, anything, owners[kind], traced(trace)),
      all: (root, kind, field, selector) => pick.all(root, kind, field, selector, anything, owners[kind]),
    };
  }
  return {
    tracer,
    first: (root, kind, field, candidates, trace) => pick.first(root, kind, field, candidates, site.ownOf(kind, root), owners[kind], traced(trace)),
    all: (root, kind, field, selector) => pick.all(root, kind, field, selector, site.ownOf(kind, root), owners[kind]),
  };
}
