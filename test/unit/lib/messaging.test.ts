import { describe, expect, it, vi } from 'vitest';
import { request } from '@/lib/messaging/client';
import { CHANNEL, ChannelError } from '@/lib/messaging/protocol';
import { classifySender, createRouter, errorRef, type Handlers } from '@/lib/messaging/router';
import { sampleItem, sampleRouting } from '../../helpers/items';

const opts = { extensionId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const fromVk = { id: 'ext-id', url: 'https://vk.com/club100', tab: { id: 1 } };
const fromPopup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

function setup(overrides: Partial<Handlers> = {}) {
  const log = vi.fn();
  const handlers: Handlers = {
    'capture.save': vi.fn(async () => ({ id: 'm1', created: true, dueAt: 123, zone: 'Asia/Yakutsk' })),
    'capture.lookup': vi.fn(async ({ keys }: { keys: string[] }) => ({
      found: keys.map((key) => ({ key, id: 'm1', status: 'open', step: 'routed' as const, dueAt: 5 })),
    })),
    'message.command': vi.fn(async () => ({ ok: true as const, step: 'routed' as const })),
    'workspace.save': vi.fn(async () => ({ saved: true as const })),
    'notify.check': vi.fn(async () => ({ notified: 0 })),
    'capture.repeats': vi.fn(async () => ({ candidates: [] })),
    'backup.export': vi.fn(async () => ({ file: '{}', messages: 0 })),
    'backup.import': vi.fn(async () => ({ ok: false as const, reason: 'backup.notJson' })),
    'capture.directory': vi.fn(async () => ({ zone: 'Asia/Yakutsk', topics: [], locations: [], bodies: [] })),
    'page.observed': vi.fn(async () => ({ changed: [] })),
    'page.health': vi.fn(async () => ({ stored: true as const })),
    'lint.check': vi.fn(async () => ({ enabled: true, findings: [], score: 10, incoming: [] })),
    'publish.start': vi.fn(async () => ({ ok: false as const, reason: 'publish.error.noText' })),
    'publish.sent': vi.fn(async () => ({ ok: false as const, reason: 'publish.error.notPending' })),
    'i18n.catalog': vi.fn(async ({ locale }: { locale: 'ru' | 'en' }) => ({ locale, messages: { 'app.name': locale } })),
    'moderation.screen': vi.fn(async () => ({ marks: [] })),
    'moderation.removed': vi.fn(async () => ({ violations: 0 })),
    'moderation.dismiss': vi.fn(async () => ({ ok: true })),
    'accounts.page': vi.fn(async () => ({ state: 'none' as const })),
    'accounts.publications': vi.fn(async () => ({ added: 0, count: 0 })),
    'accounts.register': vi.fn(async () => ({ ok: true })),
    'accounts.hide': vi.fn(async () => ({ ok: true })),
    'sync.connect': vi.fn(async () => ({ ok: false as const, code: 'unreachable' })),
    'sync.disconnect': vi.fn(async () => ({ ok: true as const })),
    'sync.status': vi.fn(async () => ({ connected: false, pending: 0, refusals: 0, revoked: false })),
    'sync.now': vi.fn(async () => ({ ok: true, status: { connected: false, pending: 0, refusals: 0, revoked: false } })),
    ...overrides,
  };
  const route = createRouter(handlers, { ...opts, log });
  return { route, handlers, log };
}

const envelope = (type: string, data: unknown) => ({ channel: CHANNEL, type, data });

describe('message router', () => {
  it('runs the handler of a valid request from a VK page and returns its reply', async () => {
    const { route, handlers } = setup();
    const reply = await route(envelope('capture.save', { item: sampleItem(), routing: sampleRouting }), fromVk);
    expect(reply).toEqual({ ok: true, data: { id: 'm1', created: true, dueAt: 123, zone: 'Asia/Yakutsk' } });
    expect(handlers['capture.save']).toHaveBeenCalledWith(expect.objectContaining({ item: expect.objectContaining({ key: 'vk:wall-100_501' }) }), {
      kind: 'site',
      url: fromVk.url,
      tabId: 1,
    });
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['another channel', { channel: 'other', type: 'capture.save', data: {} }],
  ])('answers %s with bad-envelope and logs it', async (_name, raw) => {
    const { route, log } = setup();
    const reply = await route(raw, fromVk);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-envelope' } });
    expect(log).toHaveBeenCalledOnce();
  });

  it('logs a short summary of a bad envelope, never the envelope itself', async () => {
    const { route, log } = setup();
    const secret = 'Текст поста '.repeat(100_000);
    await route({ channel: 'other', text: secret, a: 1, b: 2, c: 3, d: 4, e: 5 }, fromVk);
    const detail = String(log.mock.calls[0]![1]);
    expect(detail).toMatch(/^object \{channel, text, a, b, c, … 2 more\} \(\d+ chars\)$/);
    expect(detail.length).toBeLessThan(200);
    await route(secret, fromVk);
    expect(String(log.mock.calls[1]![1])).toBe(`string (${secret.length} chars)`);
  });

  it('answers an unknown type with unknown-type, naming it', async () => {
    const { route } = setup();
    const reply = await route(envelope('db.dropEverything', {}), fromPopup);
    expect(reply).toEqual({ ok: false, error: { code: 'unknown-type', message: 'unknown request type "db.dropEverything"' } });
  });

  it('does not treat Object.prototype names as request types', async () => {
    const { route } = setup();
    expect(await route(envelope('toString', {}), fromPopup)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
  });

  it('rejects a malformed payload with the failing fields, without calling the handler', async () => {
    const { route, handlers } = setup();
    const reply = await route(
      envelope('capture.save', { item: sampleItem({ url: 'https://evil.example/x' }), routing: { ...sampleRouting, topic: '  ' } }),
      fromVk,
    );
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('bad-request');
    expect(reply.error.message).toContain('item.url');
    expect(reply.error.message).toContain('routing.topic');
    expect(handlers['capture.save']).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', { ...fromVk, id: 'other' }],
    ['a page outside VK and OK', { ...fromVk, url: 'https://evil.example/' }],
    ['plain http VK', { ...fromVk, url: 'http://vk.com/' }],
    ['a lookalike host', { ...fromVk, url: 'https://vk.com.evil.example/' }],
    ['a site frame without a tab', { id: 'ext-id', url: 'https://vk.com/' }],
    ['an empty sender', {}],
  ])('refuses %s', async (_name, sender) => {
    const { route, handlers } = setup();
    const reply = await route(envelope('capture.lookup', { keys: ['vk:wall-1_2'] }), sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlers['capture.lookup']).not.toHaveBeenCalled();
  });

  it('lets no VK or OK page connect, disconnect or sync the team server', async () => {
    const { route, handlers } = setup();
    for (const [type, data] of [
      ['sync.connect', { server: 'https://team.example.ru', code: 'ABCD-EFGH' }],
      ['sync.disconnect', { force: true }],
      ['sync.status', {}],
      ['sync.now', {}],
    ] as const) {
      expect(await route(envelope(type, data), fromVk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(handlers[type]).not.toHaveBeenCalled();
    }
    expect(await route(envelope('sync.status', {}), fromPopup)).toMatchObject({ ok: true, data: { connected: false } });
  });

  it('takes «Скрыть» of an unregistered page’s bar from a VK page only, validated both ways', async () => {
    const hide = vi.fn(async ({ url }: { url: string }) => ({ ok: true, url: url.slice(0, 30) }));
    const { route, handlers } = setup({ 'accounts.hide': hide });
    expect(await route(envelope('accounts.hide', { url: 'https://vk.com/club300' }), fromVk)).toEqual({
      ok: true,
      data: { ok: true, url: 'https://vk.com/club300' },
    });
    expect(handlers['accounts.hide']).toHaveBeenCalledWith({ url: 'https://vk.com/club300' }, expect.objectContaining({ kind: 'site' }));
    // From an extension page: not a request it accepts.
    expect(await route(envelope('accounts.hide', { url: 'https://vk.com/club300' }), fromPopup)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // No address, a number, an address longer than any page's: refused before the handler.
    for (const data of [{}, { url: 300 }, { url: `https://vk.com/${'a'.repeat(2000)}` }])
      expect(await route(envelope('accounts.hide', data), fromVk)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(hide).toHaveBeenCalledTimes(1);
    // A reply the schema does not allow is not passed on.
    const broken = setup({ 'accounts.hide': async () => ({ ok: 'yes' }) as never });
    expect(await broken.route(envelope('accounts.hide', { url: 'https://vk.com/club300' }), fromVk)).toMatchObject({
      ok: false,
      error: { code: 'bad-response' },
    });
    // The page's state may now be «hidden».
    const hidden = setup({ 'accounts.page': async () => ({ state: 'hidden' as const, body: 'Минстрой' }) });
    expect(await hidden.route(envelope('accounts.page', { url: 'https://vk.com/club300' }), fromVk)).toEqual({
      ok: true,
      data: { state: 'hidden', body: 'Минстрой' },
    });
  });

  it('turns a throwing handler into an internal error reply', async () => {
    const { route, log } = setup({ 'capture.lookup': async () => Promise.reject(new Error('disk full')) });
    const reply = await route(envelope('capture.lookup', { keys: [] }), fromPopup);
    // The person gets a reference to quote, never the exception's text; the log holds both.
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/^internal error [2-9A-Z]{6}$/), ref: expect.stringMatching(/^[2-9A-Z]{6}$/) },
    });
    const ref = (reply as { error: { ref: string } }).error.ref;
    expect(JSON.stringify(reply)).not.toContain('disk full');
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`[${ref}]`), expect.any(Error));
    expect(log.mock.calls.flat().join(' ')).toContain('disk full');
  });

  it('makes error references of six unambiguous characters', () => {
    expect(errorRef(() => 0)).toBe('222222');
    expect(errorRef(() => 0.9999)).toBe('ZZZZZZ');
    expect(new Set(Array.from({ length: 50 }, () => errorRef())).size).toBeGreaterThan(45);
  });

  it('refuses to send a handler reply that breaks the protocol', async () => {
    const { route } = setup({ 'capture.save': async () => ({ id: 1 }) as never });
    expect(await route(envelope('capture.save', { item: sampleItem(), routing: sampleRouting }), fromPopup)).toMatchObject({
      ok: false,
      error: { code: 'bad-response' },
    });
  });

  it('accepts workflow commands from extension pages only, and validates them', async () => {
    const { route, handlers } = setup();
    const cmd = envelope('message.command', { id: 'm1', command: { type: 'approve' } });
    expect(await route(cmd, fromVk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route(cmd, fromPopup)).toEqual({ ok: true, data: { ok: true, step: 'routed' } });
    expect(await route(envelope('message.command', { id: 'm1', command: { type: 'delete-all' } }), fromPopup)).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(handlers['message.command']).toHaveBeenCalledTimes(1);
  });

  it('classifies senders', () => {
    expect(classifySender(fromVk, opts)).toBe('site');
    expect(classifySender({ ...fromVk, url: 'https://ok.ru/group/1' }, opts)).toBe('site');
    expect(classifySender(fromPopup, opts)).toBe('extension');
    expect(classifySender({ ...fromPopup, url: 'chrome-extension://other/popup.html' }, opts)).toBeNull();
  });
});

describe('message client', () => {
  const { route } = setup();
  const transport = (raw: unknown) => route(raw, fromVk);

  it('round-trips a typed request through the router', async () => {
    await expect(request('capture.lookup', { keys: ['vk:wall-1_2'] }, transport)).resolves.toEqual({
      found: [{ key: 'vk:wall-1_2', id: 'm1', status: 'open', step: 'routed', dueAt: 5 }],
    });
  });

  it('does not send an invalid request', async () => {
    const spy = vi.fn(transport);
    await expect(request('capture.lookup', { keys: ['not a key'] }, spy)).rejects.toMatchObject({ code: 'bad-request' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('surfaces error replies as ChannelError with their code', async () => {
    const err = await request('capture.lookup', { keys: [] }, async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ChannelError);
    expect(err).toMatchObject({ code: 'forbidden', message: 'no' });
  });

  it('rejects a malformed or missing reply', async () => {
    await expect(request('capture.lookup', { keys: [] }, async () => undefined)).rejects.toMatchObject({ code: 'bad-response' });
    await expect(request('capture.lookup', { keys: [] }, async () => ({ ok: true, data: { found: 'x' } }))).rejects.toMatchObject({
      code: 'bad-response',
    });
  });

  it('gives up on a reply that never comes', async () => {
    vi.useFakeTimers();
    try {
      const pending = request('capture.lookup', { keys: [] }, () => new Promise(() => {}), 15_000);
      const outcome = expect(pending).rejects.toMatchObject({ code: 'no-connection', message: 'no reply to "capture.lookup" in 15 s' });
      await vi.advanceTimersByTimeAsync(15_000);
      await outcome;
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a missing background as no-connection', async () => {
    await expect(request('capture.lookup', { keys: [] }, async () => Promise.reject(new Error('Receiving end does not exist.')))).rejects.toMatchObject({
      code: 'no-connection',
    });
  });
});

describe('captured items from a page', () => {
  it('take attachment links over https only: no javascript:, data: or http:', async () => {
    const { capturedItemSchema } = await import('@/lib/model/message');
    const item = { site: 'vk', kind: 'post', key: 'vk:wall-1_1', url: 'https://vk.com/wall-1_1', author: { name: 'x' }, text: '' };
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://vk.com/photo1_2', 'vk.com/x'])
      expect(capturedItemSchema.safeParse({ ...item, attachments: [{ type: 'photo', url }] }).success, url).toBe(false);
    expect(capturedItemSchema.safeParse({ ...item, attachments: [{ type: 'photo', url: 'https://sun9-1.userapi.com/x.jpg' }] }).success).toBe(true);
  });
});

describe('rate limiting', () => {
  it('answers a rate-limited request with its own code and logs nothing', async () => {
    const { RateLimitedError } = await import('@/lib/messaging/channel');
    const { createRouter } = await import('@/lib/messaging/router');
    const log = vi.fn();
    const route = createRouter(
      {
        'lint.check': async () => {
          throw new RateLimitedError();
        },
      } as never,
      { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/', log },
    );
    const reply = await route({ channel: 'aot/1', type: 'lint.check', data: { text: 'x' } }, { id: 'ext', url: 'https://vk.com/wall-1_1', tab: { id: 3 } });
    expect(reply).toEqual({ ok: false, error: { code: 'rate-limited', message: expect.any(String) } });
    expect(log).not.toHaveBeenCalled();
  });
});
