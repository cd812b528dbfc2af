import { bench, describe } from 'vitest';
import { vkAdapter } from '@/lib/sites';
import { parseHtml, repoFixture } from '../helpers/fixtures';

// A wall of 200 posts built from the modern fixture's posts (jsdom; the Chromium figure comes later).
const source = parseHtml(repoFixture('vk-feed.html'));
const posts = [...source.querySelectorAll('[data-testid="post"]')];
const doc = parseHtml('<div role="feed" id="feed"></div>');
const feed = doc.getElementById('feed')!;
for (let n = 0; n < 200; n++) {
  const copy = posts[n % posts.length]!.cloneNode(true) as Element;
  copy.querySelector('[data-post-id]')?.setAttribute('data-post-id', `-100_${1000 + n}`);
  feed.append(copy);
}

describe('VK adapter', () => {
  bench('findItems on 200 posts (jsdom)', () => {
    vkAdapter.findItems(doc);
  });
});
