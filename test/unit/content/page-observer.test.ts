/**
 * The page observer (entrypoints/content/capture/mutations.ts) and the units a page is read in
 * (units.ts): added item roots are handed on in one batch after the pause, none inside another,
 * our own insertions are no work, and the hosts the site removed are reported.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observePage, type PageChanges } from '@/entrypoints/content/capture/mutations';
import { outermostRoots } from '@/entrypoints/content/capture/units';

const ROOTS = '.post, .comment';

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

function post(id: number, comments = 2) {
  const el = document.createElement('div');
  el.className = 'post';
  el.id = `p${id}`;
  for (let c = 0; c < comments; c++) {
    const comment = document.createElement('div');
    comment.className = 'comment';
    const reply = Object.assign(document.createElement('span'), { className: 'reply', textContent: 'и ответ' });
    const inThread = Object.assign(document.createElement('div'), { className: 'comment', textContent: 'ответ в ветке' });
    comment.append(reply, inThread);
    el.append(comment);
  }
  return el;
}

describe('the page observer', () => {
  it('hands on added item roots in one batch after the pause, none inside another', async () => {
    vi.useFakeTimers();
    const batches: PageChanges[] = [];
    const feed = document.createElement('div');
    document.body.append(feed);
    const observer = observePage(document.body, { rootSelector: ROOTS, hostAttr: 'data-aot', delayMs: 100, onChanges: (c) => batches.push(c) });
    const wrapper = document.createElement('section');
    wrapper.append(post(1), post(2));
    feed.append(wrapper);
    feed.append(post(3));
    document.getElementById('p3')!.append(post(4)); // inside an added one
    feed.append(document.createElement('p')); // no item: no work
    await vi.advanceTimersByTimeAsync(50);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.added.map((e) => e.id || e.tagName)).toEqual(['SECTION', 'p3']);
    expect(batches[0]!.removed).toBe(false);
    observer.disconnect();
  });

  it('takes no notice of our own hosts, and reports those the site removed', async () => {
    vi.useFakeTimers();
    const batches: PageChanges[] = [];
    const p = post(1);
    document.body.append(p);
    const observer = observePage(document.body, { rootSelector: ROOTS, hostAttr: 'data-aot', delayMs: 10, onChanges: (c) => batches.push(c) });
    const host = document.createElement('span');
    host.setAttribute('data-aot', 'capture');
    host.append(post(9)); // even one that would look like an item
    p.prepend(host);
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toEqual([]);
    host.remove();
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.hostsRemoved).toEqual([host]);
    expect(batches[0]!.added).toEqual([]);
    // An item leaving the page is reported so what is gone is forgotten.
    p.remove();
    await vi.advanceTimersByTimeAsync(20);
    expect(batches[1]!.removed).toBe(true);
    observer.disconnect();
    document.body.append(post(5));
    await vi.advanceTimersByTimeAsync(20);
    expect(batches).toHaveLength(2);
  });
});

describe('units', () => {
  it('are the outermost item roots, in document order', () => {
    const feed = document.createElement('div');
    feed.append(post(1), post(2));
    const loose = document.createElement('div');
    loose.className = 'comment';
    loose.id = 'loose';
    feed.append(loose);
    document.body.append(feed);
    expect(outermostRoots(document, ROOTS).map((e) => e.id)).toEqual(['p1', 'p2', 'loose']);
    expect(outermostRoots(feed, ROOTS).map((e) => e.id)).toEqual(['p1', 'p2', 'loose']);
    // A root is its own unit; a comment inside a post, when that is what was added, too.
    const comment = document.querySelector('#p1 > .comment')!;
    expect(outermostRoots(comment, ROOTS)).toEqual([comment]);
    expect(outermostRoots(document.createElement('p'), ROOTS)).toEqual([]);
  });
});
