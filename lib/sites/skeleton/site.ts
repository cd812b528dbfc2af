/**
 * A site spec compiled once: its selector lists joined, which elements belong to which item,
 * and a reader that looks inside an item (for added nodes and lazily read fields).
 */
import { SITES } from '../hosts';
import { directPicker, joinSelectors, outermostRoot, safeClosest, safeMatches } from '../dom';
import type { Kind, Reader, SiteSpec } from './spec';

export interface Site {
  spec: SiteSpec;
  origin: string;
  postRoot: string;
  commentRoot: string;
  replyBox: string;
  media: string;
  video: string;
  /** The comment item an element is in (nearest root, or outermost for 'wrapper' sites), or null. */
  commentOf(el: Element): Element | null;
  /** Whether an element belongs to the item at root itself (not to a repost, comment or thread reply in it). */
  ownOf(kind: Kind, root: Element): (el: Element) => boolean;
  /** A post root that is not inside a comment and not a repost. */
  isTopPost(el: Element): boolean;
  /** Reads inside each item: no batch, no tracer. */
  direct: Reader;
}

export function compileSite(spec: SiteSpec): Site {
  const sel = spec.selectors;
  const commentRoot = joinSelectors(sel.commentRoot);
  const foreign = sel.repost ? `${sel.repost}, ${commentRoot}` : commentRoot;
  const video = joinSelectors(sel.video);
  const wrapper = spec.nestedComments === 'wrapper';
  const commentOf = (el: Element): Element | null => {
    const near = safeClosest(el, commentRoot);
    return near && wrapper ? outermostRoot(near, commentRoot) : near;
  };
  const ownOf = (kind: Kind, root: Element) =>
    kind === 'post'
      ? (el: Element) => {
          // One native closest() per element: the nearest foreign subtree, if it is inside this post.
          const other = safeClosest(el, foreign);
          return !other || other === root || !root.contains(other);
        }
      : wrapper
        ? (el: Element) => outermostRoot(safeClosest(el, commentRoot) ?? root, commentRoot) === root
        : (el: Element) => safeClosest(el, commentRoot) === root;
  const noOwner = () => null;
  const site: Site = {
    spec,
    origin: `https://${SITES[spec.site].canonical}`,
    postRoot: joinSelectors(sel.postRoot),
    commentRoot,
    replyBox: joinSelectors(sel.replyBox),
    media: `${joinSelectors(sel.photo)}, ${video}`,
    video,
    commentOf,
    ownOf,
    isTopPost: (el) => !safeClosest(el, commentRoot) && !(sel.repost && safeMatches(el, sel.repost)),
    direct: {
      first: (root, kind, field, candidates) => directPicker.first(root, kind, field, candidates, ownOf(kind, root), noOwner),
      all: (root, kind, field, selector) => directPicker.all(root, kind, field, selector, ownOf(kind, root), noOwner),
    },
  };
  return site;
}
