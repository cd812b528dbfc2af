/**
 * Long walls in Chromium (generated: test/bench/heavy-pages.mjs): on a modern VK wall, a legacy
 * VK wall and an OK feed, every post and comment that is in view has its capture button — while
 * the page scrolls by the wheel, slowly and fast, and after jumps (End, the middle, Home) —
 * exactly one per item, and putting the buttons in moves nothing on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from './harness.mjs';
import { okFeed, vkLegacyWall, vkWall } from '../bench/heavy-pages.mjs';

type PwPage = import('playwright-core').Page;

/** Each layout: its page, the item roots, and where an item's own button is (right after its anchor). */
const LAYOUTS = {
  'VK, modern': {
    url: 'https://vk.com/club777',
    html: () => vkWall({ posts: 30, comments: 6 }),
    items: '[data-testid="post"], [data-testid="wall_comments_comment_root"], [data-testid="wall_comments_comment_in_thread"]',
    /** The own button of an item (not one of the items inside it). */
    own: (item: string) =>
      item === 'post'
        ? ':scope > div > [data-testid="post_header"] + [data-aot="capture"]'
        : ':scope > .comment-body > .comment-footer > [data-testid="wall_comment_date"] + [data-aot="capture"]',
  },
  'VK, legacy': {
    url: 'https://vk.com/club778',
    html: () => vkLegacyWall({ posts: 30, comments: 6 }),
    items: 'div.post, div.reply',
    own: (item: string) => (item === 'post' ? ':scope > [data-aot="capture"]:first-child' : ':scope .info_footer > a.wd_lnk + [data-aot="capture"]'),
  },
  OK: {
    url: 'https://ok.ru/group/777',
    html: () => okFeed({ posts: 30, comments: 6 }),
    items: '.feed-w, .comments_lst_cnt > div',
    own: (item: string) => (item === 'post' ? ':scope > .feed > .feed_top + [data-aot="capture"]' : ':scope .comments_date + [data-aot="capture"]'),
  },
} as const;

let session: Session;
beforeAll(async () => {
  session = await launch();
  // Routes added after the harness's own take precedence.
  for (const layout of Object.values(LAYOUTS)) {
    const html = layout.html();
    await session.context.route(layout.url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  }
});
afterAll(async () => {
  await session?.context.close();
});

/** The items in view (any part of them) without their own button, and buttons that repeat a key. */
async function missing(page: PwPage, layout: (typeof LAYOUTS)[keyof typeof LAYOUTS]) {
  return page.evaluate(
    ({ items, ownPost, ownComment }) => {
      const out: string[] = [];
      for (const el of document.querySelectorAll(items)) {
        const r = el.getBoundingClientRect();
        if (r.bottom <= 0 || r.top >= innerHeight || r.height === 0) continue;
        const isPost = el.matches('[data-testid="post"], div.post, .feed-w');
        if (!el.querySelector(isPost ? ownPost : ownComment)) out.push(`${isPost ? 'post' : 'comment'} at ${Math.round(r.top + scrollY)}`);
      }
      const keys = [...document.querySelectorAll<HTMLElement>('[data-aot="capture"]')].map((h) => h.dataset.aotKey);
      const repeated = keys.length - new Set(keys).size;
      return repeated ? [...out, `${repeated} repeated buttons`] : out;
    },
    { items: layout.items, ownPost: layout.own('post'), ownComment: layout.own('comment') },
  );
}

describe('capture buttons on long walls', () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`${name}: every item in view has its one button, scrolling slowly, fast and by jumps, and nothing moves`, async () => {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.goto(layout.url);
      await page.locator('[data-aot="capture"]').first().waitFor({ state: 'attached' });
      const last = () => page.evaluate((items) => [...document.querySelectorAll(items)].at(-1)!.getBoundingClientRect().top + scrollY, layout.items);
      const lastBefore = await last();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeGreaterThan(10_000);
      await expect.poll(() => missing(page, layout)).toEqual([]);

      // By the wheel, 600 px every 120 ms (5,000 px/s) down a third of the page, looking at each
      // step: what comes into view has its buttons within 800 ms, sooner than the painter's batch
      // window (1,200 ms) — a unit about to be seen does not wait for the batch.
      await page.mouse.move(500, 400);
      for (let y = 0; y < height / 3; y += 600) {
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(120);
        await expect.poll(() => missing(page, layout), { timeout: 800, interval: 40 }).toEqual([]);
      }
      // Fast, by the wheel: 2,000 px every 100 ms over the next third; the same within 800 ms.
      for (let y = 0; y < height / 3; y += 2000) {
        await page.mouse.wheel(0, 2000);
        await page.waitForTimeout(100);
        await expect.poll(() => missing(page, layout), { timeout: 800, interval: 40 }).toEqual([]);
      }
      // Jumps: to the end, the middle and back to the top.
      for (const key of ['End', 'Home']) {
        await page.keyboard.press(key);
        await expect.poll(() => missing(page, layout), { timeout: 3000, interval: 50 }).toEqual([]);
        if (key === 'End') {
          await page.evaluate((y) => window.scrollTo(0, y), Math.round(height / 2));
          await expect.poll(() => missing(page, layout), { timeout: 3000, interval: 50 }).toEqual([]);
        }
      }
      // Putting the buttons in moved nothing: the last item is where it was, the page as long.
      expect(await last()).toBe(lastBefore);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(height);
      await page.close();
    });
  }

  it('reads a page being opened from its first screen: the rest of the near band gets its buttons at the first scroll, before it is in view', async () => {
    const layout = LAYOUTS.OK;
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(layout.url);
    await page.locator('[data-aot="capture"]').first().waitFor({ state: 'attached' });
    await expect.poll(() => missing(page, layout)).toEqual([]);
    /** The page offsets of the items with and without their button, to the near band's end (4,000 px below). */
    const split = () =>
      page.evaluate((items) => {
        const withButton: number[] = [];
        const without: number[] = [];
        for (const el of document.querySelectorAll(items)) {
          const top = el.getBoundingClientRect().top + scrollY;
          if (top > scrollY + innerHeight + 4000) continue;
          (el.querySelector('[data-aot="capture"]') ? withButton : without).push(top);
        }
        return { withButton, without };
      }, layout.items);
    // Settled, unscrolled: the first screen and the one below it have their buttons; past them, none yet.
    await page.waitForTimeout(1500);
    const opened = await split();
    expect(opened.withButton.length).toBeGreaterThan(0);
    expect(Math.max(...opened.withButton)).toBeLessThan(800 + 1000 + 1200);
    expect(opened.without.length).toBeGreaterThan(0);
    expect(Math.min(...opened.without)).toBeGreaterThan(800);
    // The first move of the page: the whole near band gets its buttons, none of it in view yet.
    await page.mouse.move(500, 400);
    await page.mouse.wheel(0, 50);
    await expect.poll(async () => (await split()).without, { timeout: 4000, interval: 50 }).toEqual([]);
    expect(await page.evaluate(() => scrollY)).toBeLessThan(100);
    await page.close();
  });
});
