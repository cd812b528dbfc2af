/**
 * The health check on a sample (SiteAdapter.health(doc, { sample })), as the content script runs
 * it on long feeds: every root is counted, a few evenly spread are read, and the checks say the
 * same as a full read of a healthy page, and fail when the markup fails everywhere.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { okAdapter, vkAdapter, type SiteAdapter } from '@/lib/sites';
import { spread } from '@/lib/sites/skeleton/scan';
import { okFeed, vkLegacyWall, vkWall } from '../../bench/heavy-pages.mjs';

const doc = (html: string, url: string) => new JSDOM(html, { url }).window.document;
const summary = (adapter: SiteAdapter, d: Document, sample?: number) => {
  const result = sample === undefined ? adapter.health(d) : adapter.health(d, { sample });
  return { ok: result.ok, failed: result.checks.filter((c) => !c.ok).map((c) => c.name), names: result.checks.map((c) => c.name), checks: result.checks };
};

describe('a sample', () => {
  it('is evenly spread, first and last included, and never more than asked', () => {
    const list = Array.from({ length: 100 }, (_, i) => i);
    expect(spread(list, 5)).toEqual([0, 25, 50, 74, 99]);
    expect(spread(list, 1)).toEqual([0]);
    expect(spread(list, 0)).toEqual([]);
    expect(spread([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
});

describe('the health check on a sample', () => {
  const pages = [
    ['VK, modern', vkAdapter, vkWall({ posts: 40, comments: 6 }), 'https://vk.com/club100'],
    ['VK, legacy', vkAdapter, vkLegacyWall({ posts: 40, comments: 6 }), 'https://vk.com/club100'],
    ['OK', okAdapter, okFeed({ posts: 40, comments: 6 }), 'https://ok.ru/group/300'],
  ] as const;

  for (const [name, adapter, html, url] of pages) {
    it(`agrees with a full read on a healthy ${name} page, and says it read a sample`, () => {
      const d = doc(html, url);
      const full = summary(adapter, d);
      const sampled = summary(adapter, d, 8);
      expect(full.failed).toEqual([]);
      expect(sampled.names).toEqual(full.names);
      expect(sampled.ok).toBe(true);
      const postItem = sampled.checks.find((c) => c.name === 'post-item')!;
      expect(postItem.detail).toBe('8 of 8 sampled (of 40) post roots gave an item');
      // Counts are of the whole page.
      expect(sampled.checks.find((c) => c.name === 'post-root')!.detail).toBe(full.checks.find((c) => c.name === 'post-root')!.detail);
    });
  }

  it('fails as a full read does when a hook is gone from every item', () => {
    const d = doc(vkWall({ posts: 40, comments: 6 }), 'https://vk.com/club100');
    for (const el of d.querySelectorAll('[data-testid="comment-owner"]')) el.removeAttribute('data-testid');
    expect(summary(vkAdapter, d).failed).toEqual(['comment-author']);
    expect(summary(vkAdapter, d, 8).failed).toEqual(['comment-author']);
  });

  it('names the roots that gave no item among those it read', () => {
    const d = doc(vkWall({ posts: 9, comments: 2 }), 'https://vk.com/club100');
    // Every post without its id, date link and anything else that names it.
    for (const el of d.querySelectorAll('[data-post-id]')) el.removeAttribute('data-post-id');
    for (const el of d.querySelectorAll('[data-testid="post_date_block_preview"]')) el.removeAttribute('href');
    const check = summary(vkAdapter, d, 3).checks.find((c) => c.name === 'post-item')!;
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/^3 of 3 sampled \(of 9\) post roots gave no item/);
  });
});
