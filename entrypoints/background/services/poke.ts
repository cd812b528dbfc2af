/**
 * Live updates from the team server: a WebSocket that carries only "pull now" (a poke), opened
 * while connected. The server pings every 20 s and this side answers in kind, which also keeps
 * Chrome's MV3 worker alive (../shared/docs/team-server.md, «Live updates»); if the worker is
 * stopped anyway, the one-minute alarm pulls and opens the socket again. A lost socket is
 * reopened with a growing pause (1 s to 60 s); a refused token closes it for good.
 */

/** The part of a WebSocket this service uses (the worker's WebSocket, `ws` in tests). */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code?: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface PokeDeps {
  open: (url: string) => SocketLike;
  /** The connection as stored now (undefined: not connected, or the token was refused). */
  connection: () => Promise<{ server: string; token: string } | undefined>;
  /** What a poke does: a sync cycle (coalesced by the sync service). */
  onPoke: () => void;
  /** The server refused the token on the socket. */
  onRevoked?: () => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** How long after a poke to pull: pokes in a burst make one pull. */
  debounceMs?: number;
  pingMs?: number;
}

export function pokeService(deps: PokeDeps) {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const debounceMs = deps.debounceMs ?? 150;
  const pingMs = deps.pingMs ?? 20_000;
  let socket: SocketLike | undefined;
  let ready = false;
  let failures = 0;
  let retry: unknown;
  let ping: unknown;
  let pending: unknown;
  let stopped = true;

  const wsUrl = (server: string) => `${server.replace(/^http/, 'ws')}/sync/poke`;

  function poke() {
    if (pending !== undefined) return;
    pending = setTimer(() => {
      pending = undefined;
      deps.onPoke();
    }, debounceMs);
  }

  function schedule() {
    if (stopped || retry !== undefined) return;
    const wait = Math.min(60_000, 1000 * 2 ** Math.min(failures, 6));
    failures += 1;
    retry = setTimer(() => {
      retry = undefined;
      void ensure();
    }, wait);
  }

  function drop() {
    if (ping !== undefined) clearTimer(ping);
    ping = undefined;
    const s = socket;
    socket = undefined;
    ready = false;
    if (s) {
      s.onopen = s.onmessage = s.onclose = s.onerror = null;
      try {
        s.close(1000, 'bye');
      } catch {
        // already closed
      }
    }
  }

  /** Opens the socket when connected and none is open (safe to call on every alarm). */
  async function ensure(): Promise<void> {
    // Open already (called on every message the background gets): nothing to read.
    if (socket) return;
    const conn = await deps.connection();
    if (!conn) {
      stop();
      return;
    }
    stopped = false;
    if (socket) return;
    let s: SocketLike;
    try {
      s = deps.open(wsUrl(conn.server));
    } catch {
      schedule();
      return;
    }
    socket = s;
    s.onopen = () => s.send(JSON.stringify({ type: 'auth', token: conn.token }));
    s.onmessage = (ev) => {
      let msg: { type?: unknown; error?: unknown };
      try {
        msg = JSON.parse(String(ev.data)) as typeof msg;
      } catch {
        return;
      }
      if (msg.type === 'ready') {
        ready = true;
        failures = 0;
        // What changed while the socket was down.
        poke();
        ping = setTimer(function again() {
          if (socket !== s) return;
          try {
            s.send(JSON.stringify({ type: 'ping' }));
          } catch {
            // the close handler follows
          }
          ping = setTimer(again, pingMs);
        }, pingMs);
      } else if (msg.type === 'poke') poke();
      else if (msg.type === 'error' && (msg.error === 'token-revoked' || msg.error === 'unauthorized')) {
        drop();
        stopped = true;
        deps.onRevoked?.();
      }
    };
    s.onclose = () => {
      if (socket !== s) return;
      drop();
      schedule();
    };
    s.onerror = () => undefined; // the close event follows
  }

  function stop() {
    stopped = true;
    if (retry !== undefined) clearTimer(retry);
    if (pending !== undefined) clearTimer(pending);
    retry = pending = undefined;
    drop();
  }

  return { ensure, stop, live: () => ready };
}

export type PokeService = ReturnType<typeof pokeService>;
