/** The team server's origin from what a person typed: https, or plain http on this computer only. Pure. */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

export function serverOrigin(input: string): { ok: true; origin: string } | { ok: false; code: 'bad-address' | 'insecure' } {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim()) ? input.trim() : `https://${input.trim()}`);
  } catch {
    return { ok: false, code: 'bad-address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, code: 'bad-address' };
  if (url.username || url.password) return { ok: false, code: 'bad-address' };
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) return { ok: false, code: 'insecure' };
  return { ok: true, origin: url.origin };
}
