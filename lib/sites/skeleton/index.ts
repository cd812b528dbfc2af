/**
 * defineAdapter(spec): a SiteAdapter from a site's selectors and its few own readers (see
 * ./spec.ts). Whole-page scans read in one batch, added nodes inside themselves; fields are
 * read when first asked for. An adapter keeps no state between calls: each scan has its own.
 */
import { firstMatch, matchingWithin, safeClosest, safeMatches } from '../dom';
import type { PageItem, ReplyBox, SiteAdapter } from '../types';
import { siteHealth } from './health';
import { directContext, parseComment, scan, type ScanContext } from './scan';
import { compileSite, type Site } from './site';
import type { SiteSpec } from './spec';

export type { FieldSelectors, Kind, Reader, SiteSelectors, SiteSpec } from './spec';

export interface DefinedAdapter extends SiteAdapter {
  /**
   * The items under root with every field read now: on a whole page in one batch (one query per
   * selector, each hit handed to its item), as the health check reads them. findItems reads an
   * item's fields only when they are first asked for; both give the same items.
   */
  readItems(root: ParentNode): PageItem[];
}

export function defineAdapter(spec: SiteSpec): DefinedAdapter {
  const site = compileSite(spec);
  const sel = spec.selectors;
  const findReplyBoxes = (root: ParentNode): ReplyBox[] => {
    const boxes: ReplyBox[] = [];
    const seen = new Set<Element>();
    const ctx = directContext(site, root);
    for (const el of matchingWithin(root, site.replyBox)) {
      if (seen.has(el) || (sel.notReplyBox && safeMatches(el, sel.notReplyBox)) || !('focus' in el)) continue;
      seen.add(el);
      const key = replyBoxKey(site, ctx, el);
      if (key) boxes.push({ element: el as HTMLElement, answersKey: key });
    }
    return boxes;
  };
  return {
    site: spec.site,
    rootSelector: `${site.postRoot}, ${site.commentRoot}`,
    replyBoxSelector: site.replyBox,
    findItems: (root) => scan(site, root, { eager: false }).items,
    readItems: (root) => scan(site, root, { eager: true }).items,
    findReplyBoxes,
    health: (doc, options) => siteHealth(site, doc, findReplyBoxes, options),
    buttonAnchor(item) {
      const own = site.ownOf(item.kind, item.element);
      for (const list of sel[item.kind].anchor) {
        const found = firstMatch(item.element, list, own)?.element;
        if (found?.parentElement) return { parent: found.parentElement, before: found.nextSibling };
      }
      return { parent: item.element, before: item.kind === 'post' ? item.element.firstChild : null };
    },
    replyControl(item) {
      if (item.kind !== 'comment') return null;
      const found = firstMatch(item.element, sel.commentReply, site.ownOf('comment', item.element))?.element;
      return found && 'click' in found ? (found as HTMLElement) : null;
    },
  };
}

/** What a reply box answers: the comment it sits in, else its post (or, in legacy forms, the comment named there). */
function replyBoxKey(site: Site, ctx: ScanContext, box: Element): string | null {
  if (safeClosest(box, site.commentRoot)) {
    const comment = site.commentOf(box);
    return comment ? (parseComment(ctx, comment)?.key ?? null) : null;
  }
  const own = site.spec.replyBox;
  const path = ctx.page.pathAround(box) ?? own?.postPath?.(box) ?? null;
  if (!path) return null;
  const target = own?.answering?.(box);
  return target ? (site.spec.commentKey(path, target)?.key ?? null) : `${site.spec.site}:${path}`;
}
