/**
 * The reply checker in a site's reply box (entrypoints/content/checker.ts) against a page that
 * fires synthetic events (security review, finding 2): only a person's focus and input, or the
 * extension itself, send a check; one request at a time, the latest text wins. jsdom fires
 * trusted events for focus() and for a checkbox's click (its input event bubbles through the
 * box): those stand in for a person here; dispatchEvent() is a page script.
 */
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '@/lib/sites';

type LintReply = { enabled: boolean; findings: unknown[]; score: number; incoming: unknown[] };
const request = vi.hoisted(() => vi.fn<(type: string, data: { text: string; answering?: string }) => Promise<LintReply>>());
vi.mock('@/lib/messaging/site-client', () => ({ siteRequest: request }));

const { latestOnly, startChecker, Superseded } = await import('@/entrypoints/content/checker');

const CLEAN: LintReply = { enabled: true, findings: [], score: 10, incoming: [] };

const adapter = {
  site: 'vk',
  rootSelector: '[data-post]',
  replyBoxSelector: '[data-box]',
  findItems: () => [],
  findReplyBoxes: (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('[data-box]')].map((element) => ({ element, answersKey: 'vk:wall-1_1' })),
} as unknown as SiteAdapter;

let invalidate: (() => void) | undefined;
const ctx = {
  isValid: true,
  onInvalidated: (fn: () => void) => {
    invalidate = fn;
  },
} as unknown as ContentScriptContext;

/** A reply box with a checkbox inside: clicking it fires a trusted, bubbling input event (a person's input). */
function replyBox(text: string) {
  const box = document.createElement('div');
  Object.assign(box, { contentEditable: 'true', tabIndex: 0 });
  box.dataset.box = '';
  const node = document.createTextNode(text);
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  box.append(node, checkbox);
  document.body.replaceChildren(box);
  return {
    box,
    setText: (value: string) => {
      node.data = value;
    },
    personTypes: () => checkbox.click(),
    pageTypes: () => box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' })),
  };
}
const texts = () => request.mock.calls.map(([, data]) => data.text);
const pause = () => vi.advanceTimersByTimeAsync(1000);

beforeEach(() => {
  fakeBrowser.reset();
  request.mockReset();
  request.mockResolvedValue(CLEAN);
  vi.useFakeTimers();
});
afterEach(() => {
  invalidate?.();
  invalidate = undefined;
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('the reply checker and a page that fires synthetic events', () => {
  it('attaches nothing and sends nothing for a page script’s focusin and input events', async () => {
    const { box, pageTypes } = replyBox('В настоящее время проводится работа.');
    startChecker(ctx, adapter);
    box.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    for (let i = 0; i < 50; i++) pageTypes();
    await pause();
    expect(request).not.toHaveBeenCalled();
    expect(document.querySelector('[data-aot="checker"]')).toBeNull();
  });

  it('checks on a person’s focus and input, never on the page’s changes in between', async () => {
    const { box, setText, personTypes, pageTypes } = replyBox('В настоящее время проводится работа.');
    startChecker(ctx, adapter);
    box.focus(); // trusted focusin: attached, the text as it is checked
    await pause();
    expect(texts()).toEqual(['В настоящее время проводится работа.']);
    expect(request.mock.calls[0]![0]).toBe('lint.check');
    expect(document.querySelector('[data-aot="checker"]')).not.toBeNull();

    // The page rewrites the box and fires input events, again and again: no request.
    for (let i = 0; i < 20; i++) {
      setText(`Текст страницы ${i}`);
      pageTypes();
      await vi.advanceTimersByTimeAsync(400);
    }
    expect(request).toHaveBeenCalledTimes(1);

    // A person types: the text as it is now is checked, once, after the pause.
    setText('Заменим трубу до 15 мая.');
    personTypes();
    await pause();
    expect(texts()).toEqual(['В настоящее время проводится работа.', 'Заменим трубу до 15 мая.']);
  });

  it('checks the extension’s own insertion through the controller, whatever events it fired', async () => {
    const { box, setText, pageTypes } = replyBox('');
    const checker = startChecker(ctx, adapter);
    // Publish in place falls back to synthetic paste and beforeinput events when execCommand fails.
    setText('Фонари починим до 30 ноября.');
    pageTypes();
    await pause();
    expect(request).not.toHaveBeenCalled();
    checker.check(box);
    await pause();
    expect(texts()).toEqual(['Фонари починим до 30 ноября.']);
    // Not a reply box: ignored.
    checker.check(document.body);
    await pause();
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('keeps one request in flight; of the texts typed meanwhile only the latest is sent', async () => {
    const { box, setText, personTypes } = replyBox('Первый текст.');
    const answers: Array<() => void> = [];
    request.mockImplementation(() => new Promise((resolve) => answers.push(() => resolve(CLEAN))));
    startChecker(ctx, adapter);
    box.focus();
    await pause();
    expect(texts()).toEqual(['Первый текст.']);
    for (const text of ['Второй текст.', 'Третий текст.', 'Четвёртый текст.']) {
      setText(text);
      personTypes();
      await pause();
    }
    expect(request).toHaveBeenCalledTimes(1); // the first answer has not come
    answers[0]!();
    await pause();
    expect(texts()).toEqual(['Первый текст.', 'Четвёртый текст.']);
  });

  it('does not ask twice for the same text, and asks again after a refusal', async () => {
    const { box, setText, personTypes } = replyBox('Один и тот же текст.');
    startChecker(ctx, adapter);
    box.focus();
    await pause();
    personTypes(); // a person's input that changed nothing
    await pause();
    expect(request).toHaveBeenCalledTimes(1);

    const { ChannelError } = await import('@/lib/messaging/channel');
    request.mockRejectedValueOnce(new ChannelError('internal', 'too many checks from this tab'));
    setText('Другой текст.');
    personTypes();
    await pause();
    personTypes(); // the same text, refused before: asked again
    await pause();
    expect(texts()).toEqual(['Один и тот же текст.', 'Другой текст.', 'Другой текст.']);
  });
});

describe('latestOnly', () => {
  it('sends one at a time; a newer call replaces the one waiting', async () => {
    vi.useRealTimers();
    const pending: Array<{ arg: number; resolve: (v: number) => void }> = [];
    const send = vi.fn((arg: number) => new Promise<number>((resolve) => pending.push({ arg, resolve })));
    const call = latestOnly(send);
    const first = call(1);
    const second = call(2);
    const third = call(3);
    expect(send).toHaveBeenCalledTimes(1);
    await expect(second).rejects.toBeInstanceOf(Superseded);
    pending[0]!.resolve(10);
    await expect(first).resolves.toBe(10);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(pending[1]!.arg).toBe(3);
    pending[1]!.resolve(30);
    await expect(third).resolves.toBe(30);
    // Idle again: the next call goes at once, and a failure frees the way as well.
    send.mockImplementationOnce(() => Promise.reject(new Error('down')));
    await expect(call(4)).rejects.toThrow('down');
    const fifth = call(5);
    expect(send).toHaveBeenCalledTimes(4);
    pending[2]!.resolve(50);
    await expect(fifth).resolves.toBe(50);
  });
});
