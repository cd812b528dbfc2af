/**
 * What a scan knows about the page it reads: the item the page's own URL is the permalink of,
 * and each post's path, remembered for the scan (a long thread of comments reads it once).
 */
import { matchingWithin, outermostRoot, postAround, safeClosest, safeMatches } from '../dom';
import type { Site } from './site';
import type { Reader } from './spec';

/** Read through one scan. */
export interface PageContext {
  /** A post root's path: its own, else the page's when the root is the page's post. */
  ownPath(post: Element, read: Reader): string | null;
  /** The path of the post an element (a comment, a reply box) belongs to. */
  pathAround(el: Element): string | null;
}

/**
 * The page's own item: a post or topic opened on its own page (or in OK's topic layer) may hold
 * no permalink inside its root; the page's URL is then its permalink, when that URL is the
 * item's own page. The root taking it is the site's page post root (the topic layer), or the
 * only post root on the page. `tops`: the page's top post roots when the scan already has them.
 */
export function pageContext(site: Site, root: ParentNode, tops?: readonly Element[]): PageContext {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  let pagePath: string | null | undefined;
  const pageOwnPath = () => {
    if (pagePath === undefined) {
      const pathname = doc?.location?.pathname;
      pagePath = pathname ? site.spec.pagePath(pathname) : null;
    }
    return pagePath;
  };
  const isPagePost = (post: Element): boolean => {
    if (!doc || !pageOwnPath()) return false;
    const { pagePostRoot } = site.spec.selectors;
    if (pagePostRoot && safeMatches(post, pagePostRoot)) return true;
    tops ??= [...topPostsIn(site, doc)];
    return tops.length === 1 && tops[0] === post;
  };
  const ownPath = (post: Element, read: Reader) => site.spec.postPath(post, read) ?? (isPagePost(post) ? pageOwnPath() : null);
  // A long thread of comments without permalinks reads its post's path once, and climbs to it once.
  const paths = new Map<Element, string | null>();
  const around = new Map<Element, Element>();
  return {
    ownPath,
    pathAround(el) {
      const post = postAround(el, site.postRoot, site.isTopPost, around);
      if (!post) return null;
      let path = paths.get(post);
      if (path === undefined) paths.set(post, (path = ownPath(post, site.direct)));
      return path;
    },
  };
}

/** The outermost post roots under root that are not inside a comment. */
export function topPostsIn(site: Site, root: ParentNode): Set<Element> {
  return new Set(
    matchingWithin(root, site.postRoot)
      .filter((el) => !safeClosest(el, site.commentRoot))
      .map((el) => outermostRoot(el, site.postRoot)),
  );
}
