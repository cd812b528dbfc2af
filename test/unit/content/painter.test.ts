/**
 * The button painter (entrypoints/content/capture/painter.ts): buttons go into the page in one
 * animation frame per batch, at most one batch per window unless urgent, written without a single
 * layout read, in hosts that take no room from the page's flow.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  COMMENT_BUTTON_PX,
  createPainter,
  hostStyle,
  POST_BUTTON_PX,
  type ButtonView,
  type Mountable,
  type PainterOptions,
} from '@/entrypoints/content/capture/painter';
import type { PageItem } from '@/lib/sites';

/** A page of `n` posts, each with a header and a comment with a date line. */
function page(n: number) {
  document.body.replaceChildren();
  const entries: { post: Mountable; comment: Mountable }[] = [];
  for (let i = 0; i < n; i++) {
    const post = document.createElement('div');
    const el = (tag: string, cls: string, text = '') => Object.assign(document.createElement(tag), { className: cls, textContent: text });
    const comment = el('div', 'comment');
    comment.append(el('a', 'date', 'сегодня'), el('span', 'reply', 'Ответить'));
    post.append(el('div', 'header', `Автор ${i}`), el('div', 'text', 'Текст'), comment);
    document.body.append(post);
    const item = (kind: 'post' | 'comment', element: Element): PageItem => ({
      site: 'vk',
      kind,
      key: `vk:wall-1_${i}${kind === 'comment' ? '_r1' : ''}`,
      url: 'https://vk.com/wall-1_1',
      author: { name: 'x' },
      text: 'x',
      attachments: [],
      element,
    });
    entries.push({ post: { item: item('post', post) }, comment: { item: item('comment', post.querySelector('.comment')!) } });
  }
  return entries;
}

/** The page's anchors: after the header for a post, after the date for a comment. */
const anchor = (item: PageItem) => {
  const after = item.element.querySelector(item.kind === 'post' ? '.header' : '.date')!;
  return { parent: after.parentElement!, before: after.nextSibling };
};

function setup(extra: Partial<PainterOptions> = {}) {
  const frames: Array<() => void> = [];
  let clock = 0;
  const states = new Map<string, ButtonView>();
  const mounted: string[] = [];
  const painter = createPainter({
    anchor,
    view: (key) => states.get(key) ?? { state: 'new', text: 'Взять в работу', title: 'Взять' },
    alive: () => true,
    onClick: () => undefined,
    attachShadow: (host) => host.attachShadow({ mode: 'open' }),
    hostAttr: 'data-aot',
    onMounted: (fresh) => mounted.push(...fresh.map((e) => e.item.key)),
    frame: (cb) => frames.push(cb),
    cancelFrame: () => undefined,
    now: () => clock,
    budgetMs: 4,
    batchMs: 500,
    ...extra,
  });
  const runFrame = () => frames.shift()?.();
  return { painter, frames, runFrame, states, mounted, advance: (ms: number) => (clock += ms) };
}

const hosts = () => document.querySelectorAll('[data-aot="capture"]');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('the button painter', () => {
  it('puts a batch of buttons in within one animation frame, and nothing before it', () => {
    const entries = page(5);
    const { painter, frames, runFrame, mounted } = setup();
    for (const e of entries) {
      painter.mount(e.post);
      painter.mount(e.comment);
    }
    expect(hosts()).toHaveLength(0);
    expect(frames).toHaveLength(1); // one frame asked for, however many mounts
    runFrame();
    expect(hosts()).toHaveLength(10);
    expect(frames).toHaveLength(0);
    expect(mounted).toHaveLength(10);
    // Each button is where the site's anchor says, and says what the view says.
    const first = entries[0]!;
    expect(first.post.host!.previousElementSibling?.className).toBe('header');
    expect(first.comment.host!.previousElementSibling?.className).toBe('date');
    expect(first.post.button!.textContent).toBe('Взять в работу');
    expect(first.post.button!.dataset.kind).toBe('post');
    // Mounting again what is in place changes nothing.
    painter.mount(first.post);
    runFrame();
    expect(hosts()).toHaveLength(10);
  });

  it('writes without reading layout', () => {
    const entries = page(3);
    const reads = [
      vi.spyOn(Element.prototype, 'getBoundingClientRect'),
      vi.spyOn(Element.prototype, 'getClientRects'),
      vi.spyOn(window, 'getComputedStyle'),
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get'),
      vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get'),
      vi.spyOn(HTMLElement.prototype, 'offsetTop', 'get'),
      vi.spyOn(Element.prototype, 'clientHeight', 'get'),
      vi.spyOn(Element.prototype, 'scrollHeight', 'get'),
    ];
    const { painter, runFrame, states, advance } = setup();
    for (const e of entries) painter.mount(e.post);
    runFrame();
    states.set(entries[0]!.post.item.key, { state: 'captured', text: ' у исполнителя · 3 часа', title: 't', urgency: 'calm' });
    painter.repaint(entries[0]!.post);
    advance(600);
    vi.advanceTimersByTime(600);
    runFrame();
    expect(entries[0]!.post.button!.textContent).toBe(' у исполнителя · 3 часа');
    for (const spy of reads) expect(spy).not.toHaveBeenCalled();
    for (const spy of reads) spy.mockRestore();
  });

  it('gives hosts no room in the flow: a margin cancels the button height', () => {
    const sum = (style: string) => {
      const el = document.createElement('span');
      el.style.cssText = style;
      const px = (v: string) => Number.parseFloat(v || '0');
      return { height: px(el.style.height), vertical: px(el.style.marginTop) + px(el.style.marginBottom) };
    };
    for (const [kind, first, height] of [
      ['post', false, POST_BUTTON_PX],
      ['post', true, POST_BUTTON_PX],
      ['comment', false, COMMENT_BUTTON_PX],
    ] as const) {
      const { height: h, vertical } = sum(hostStyle(kind, first));
      expect(h).toBe(height);
      expect(h + vertical).toBe(0);
    }
    // A post's host over its header (margin up) or, as the item's first child, over what follows.
    const entries = page(1);
    const { painter, runFrame } = setup({
      anchor: (item) => (item.kind === 'post' ? { parent: item.element, before: item.element.firstChild } : anchor(item)),
    });
    painter.mount(entries[0]!.post);
    runFrame();
    expect(entries[0]!.post.host!.style.marginBottom).toBe(`-${POST_BUTTON_PX}px`);
    expect(entries[0]!.post.host!.style.marginTop).toBe('0px');
  });

  it('puts one batch in per window; a mount that is urgent goes in the next frame', () => {
    const entries = page(4);
    const { painter, frames, runFrame, advance } = setup();
    painter.mount(entries[0]!.post);
    runFrame();
    expect(hosts()).toHaveLength(1);
    // Within the window: waits for it to end.
    advance(100);
    painter.mount(entries[1]!.post);
    painter.mount(entries[2]!.post);
    expect(frames).toHaveLength(0);
    advance(400);
    vi.advanceTimersByTime(400);
    expect(frames).toHaveLength(1);
    runFrame();
    expect(hosts()).toHaveLength(3);
    // Urgent (the item is about to be seen): the next frame, window or not.
    advance(10);
    painter.mount(entries[3]!.post, true);
    expect(frames).toHaveLength(1);
    runFrame();
    expect(hosts()).toHaveLength(4);
  });

  it('repaints with the next batch, or in the next frame when urgent (an item just captured)', () => {
    const entries = page(2);
    const { painter, frames, runFrame, states, advance } = setup();
    painter.mount(entries[0]!.post);
    painter.mount(entries[1]!.post);
    runFrame();
    advance(10);
    states.set(entries[0]!.post.item.key, { state: 'captured', text: ' у исполнителя · 3 часа', title: 't' });
    painter.repaint(entries[0]!.post);
    expect(frames).toHaveLength(0); // waits for the batch window
    states.set(entries[1]!.post.item.key, { state: 'captured', text: ' на согласовании', title: 't' });
    painter.repaint(entries[1]!.post, true);
    expect(frames).toHaveLength(1);
    runFrame();
    expect(entries[1]!.post.button!.textContent).toBe(' на согласовании');
    expect(entries[1]!.post.button!.dataset.state).toBe('captured');
    expect(entries[0]!.post.button!.textContent).toBe(' у исполнителя · 3 часа'); // went with it
  });

  it('holds its batches, urgent ones too, while told to (a fling), and writes when let go', () => {
    const entries = page(4);
    let wait = 100;
    const asked: number[] = [];
    const { painter, frames, runFrame, advance } = setup({
      hold: () => {
        asked.push(wait);
        return wait;
      },
    });
    painter.mount(entries[0]!.post);
    runFrame();
    expect(hosts()).toHaveLength(0); // held
    expect(frames).toHaveLength(0); // no frame until the gate is asked again
    painter.mount(entries[1]!.post, true); // urgent: held as well
    expect(frames).toHaveLength(0);
    advance(100);
    vi.advanceTimersByTime(100);
    expect(frames).toHaveLength(1);
    runFrame();
    expect(hosts()).toHaveLength(0);
    wait = 0; // the scroll stopped
    vi.advanceTimersByTime(100);
    runFrame();
    expect(hosts()).toHaveLength(2);
    expect(asked).toEqual([100, 100, 0]);
    // flush() does not ask.
    wait = 100;
    painter.mount(entries[2]!.post);
    painter.flush();
    expect(hosts()).toHaveLength(3);
    expect(asked).toHaveLength(3);
    // dispose() cancels a held batch.
    painter.mount(entries[3]!.post, true);
    runFrame();
    painter.dispose();
    vi.advanceTimersByTime(1000);
    expect(frames).toHaveLength(0);
  });

  it('puts a held batch in at most maxPerFrame hosts a frame (the page styles each new host in that frame), an ordinary one whole', () => {
    const entries = page(10);
    let wait = 0;
    const { painter, frames, runFrame } = setup({ maxPerFrame: 8, hold: () => wait });
    // Not held (the page's first batch): one frame, one layout walk for the page.
    for (const e of entries.slice(0, 5)) {
      painter.mount(e.post);
      painter.mount(e.comment);
    }
    runFrame();
    expect(hosts()).toHaveLength(10);
    expect(frames).toHaveLength(0);
    // Held through a fling: it goes in over frames of at most 8 hosts.
    wait = 100;
    for (const e of entries.slice(5)) {
      painter.mount(e.post, true);
      painter.mount(e.comment, true);
    }
    runFrame();
    expect(hosts()).toHaveLength(10);
    wait = 0;
    vi.advanceTimersByTime(100);
    runFrame();
    expect(hosts()).toHaveLength(18);
    expect(frames).toHaveLength(1);
    runFrame();
    expect(hosts()).toHaveLength(20);
    expect(painter.pending()).toBe(0);
  });

  it('cuts a frame at its budget and puts the rest in the frames right after', () => {
    const entries = page(6);
    let clock = 0;
    const { painter, frames, runFrame } = setup({ now: () => clock, attachShadow: (host) => ((clock += 1), host.attachShadow({ mode: 'open' })) });
    for (const e of entries) painter.mount(e.post);
    runFrame();
    expect(hosts()).toHaveLength(4); // 1 ms each, 4 ms budget
    expect(frames).toHaveLength(1); // the rest goes in the next frame, not after the window
    runFrame();
    expect(hosts()).toHaveLength(6);
    expect(painter.pending()).toBe(0);
  });

  it('skips entries that no longer stand for their item, and replaces a host the page lost', () => {
    const entries = page(2);
    const dead = new Set<Mountable>([entries[1]!.post]);
    const { painter, runFrame } = setup({ alive: (e) => !dead.has(e) });
    painter.mount(entries[0]!.post);
    painter.mount(entries[1]!.post);
    runFrame();
    expect(hosts()).toHaveLength(1);
    const old = entries[0]!.post.host!;
    old.remove(); // the site re-rendered the header area
    painter.mount(entries[0]!.post, true);
    runFrame();
    expect(entries[0]!.post.host).not.toBe(old);
    expect(entries[0]!.post.host!.isConnected).toBe(true);
  });

  it('goes on with the batch when the site’s markup gives an item no place', () => {
    const entries = page(3);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = entries[1]!.post.item;
    const { painter, runFrame } = setup({
      anchor: (item) => (item === broken ? { parent: document.createElement('div'), before: document.body } : anchor(item)),
    });
    for (const e of entries) painter.mount(e.post);
    runFrame();
    expect(hosts()).toHaveLength(2);
    expect(entries[2]!.post.host!.isConnected).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('passes clicks on a button to its entry', () => {
    const entries = page(1);
    const clicked: Mountable[] = [];
    const { painter, runFrame } = setup({ onClick: (entry) => clicked.push(entry) });
    painter.mount(entries[0]!.comment);
    runFrame();
    entries[0]!.comment.button!.click();
    expect(clicked).toEqual([entries[0]!.comment]);
  });

  it('removes an entry’s button at once on unmount, and every button on dispose', () => {
    const entries = page(3);
    const { painter, runFrame, frames } = setup();
    for (const e of entries) painter.mount(e.post);
    runFrame();
    painter.unmount(entries[0]!.post);
    expect(hosts()).toHaveLength(2);
    expect(entries[0]!.post.button).toBeUndefined();
    painter.mount(entries[0]!.comment, true);
    painter.dispose();
    expect(hosts()).toHaveLength(0);
    frames.forEach((f) => f());
    expect(hosts()).toHaveLength(0);
  });
});
