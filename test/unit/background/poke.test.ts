import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pokeService, type SocketLike } from '@/entrypoints/background/services/poke';

class FakeSocket implements SocketLike {
  sent: string[] = [];
  closed = false;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
  }
  server(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  lost() {
    this.onclose?.({ code: 1006 });
  }
}

let sockets: FakeSocket[];
let connected: { server: string; token: string } | undefined;
const setup = () => {
  const onPoke = vi.fn();
  const onRevoked = vi.fn();
  const service = pokeService({
    open: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    connection: async () => connected,
    onPoke,
    onRevoked,
    debounceMs: 100,
    pingMs: 20_000,
  });
  return { service, onPoke, onRevoked };
};

beforeEach(() => {
  vi.useFakeTimers();
  sockets = [];
  connected = { server: 'https://team.example.ru', token: 'secret-token-123' };
});
afterEach(() => vi.useRealTimers());

describe('the poke socket', () => {
  it('opens wss to the server, sends the token first, and pulls once on ready (what changed while away)', async () => {
    const { service, onPoke } = setup();
    await service.ensure();
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toBe('wss://team.example.ru/sync/poke');
    sockets[0]!.onopen?.({});
    expect(JSON.parse(sockets[0]!.sent[0]!)).toEqual({ type: 'auth', token: 'secret-token-123' });
    expect(service.live()).toBe(false);
    sockets[0]!.server({ type: 'ready' });
    expect(service.live()).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(onPoke).toHaveBeenCalledTimes(1);
    // ensure() again (the minute alarm) keeps the one socket.
    await service.ensure();
    expect(sockets).toHaveLength(1);
  });

  it('a burst of pokes makes one pull; it pings every 20 s, which keeps the worker alive', async () => {
    const { service, onPoke } = setup();
    await service.ensure();
    const s = sockets[0]!;
    s.onopen?.({});
    s.server({ type: 'ready' });
    await vi.advanceTimersByTimeAsync(200);
    onPoke.mockClear();
    for (let i = 0; i < 5; i++) s.server({ type: 'poke' });
    await vi.advanceTimersByTimeAsync(100);
    expect(onPoke).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(s.sent.filter((m) => m.includes('ping'))).toHaveLength(2);
    s.server('not json at all');
    s.onmessage?.({ data: '{broken' });
    expect(service.live()).toBe(true);
  });

  it('reopens a lost socket after 1 s, then 2 s, 4 s…; a ready socket resets the pause', async () => {
    const { service } = setup();
    await service.ensure();
    sockets[0]!.lost();
    expect(service.live()).toBe(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.lost();
    await vi.advanceTimersByTimeAsync(1999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    sockets[2]!.onopen?.({});
    sockets[2]!.server({ type: 'ready' });
    sockets[2]!.lost();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(4);
  });

  it('a refused token closes it for good and says so; disconnected, it opens nothing', async () => {
    const { service, onRevoked } = setup();
    await service.ensure();
    sockets[0]!.server({ type: 'error', error: 'token-revoked' });
    expect(onRevoked).toHaveBeenCalledTimes(1);
    expect(sockets[0]!.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets).toHaveLength(1);
    connected = undefined;
    await service.ensure();
    expect(sockets).toHaveLength(1);
  });

  it('stop() closes the socket and cancels the reopening', async () => {
    const { service } = setup();
    await service.ensure();
    sockets[0]!.lost();
    service.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sockets).toHaveLength(1);
    connected = { server: 'http://localhost:8787', token: 'secret-token-123' };
    await service.ensure();
    expect(sockets[1]!.url).toBe('ws://localhost:8787/sync/poke');
    service.stop();
    expect(sockets[1]!.closed).toBe(true);
  });
});
