/**
 * A hostile page, with the extension as it ships (closed shadow roots): page scripts cannot
 * read the extension's elements, and their synthetic clicks capture nothing; a person's click
 * does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterWorkspace } from '../../lib/workflow/workspace';
import { launch, openExtensionPage, saveWorkspace, type Session } from './harness.mjs';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

let session: Session;
beforeAll(async () => {
  session = await launch(undefined, { openShadowRoots: false });
  await saveWorkspace(session, starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: ['minstroy'] }));
});
afterAll(async () => {
  await session?.context.close();
});

describe('a hostile page', () => {
  it("cannot look into the extension's elements, nor capture with a synthetic click; a person's click opens the form", async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/club100');
    const host = page.locator('[data-aot="capture"]').first();
    await host.waitFor({ state: 'attached' });
    // Closed roots: the page sees the hosts, never what is inside them.
    const closed = await page.evaluate(() => [...document.querySelectorAll('[data-aot]')].map((h) => h.shadowRoot === null));
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every(Boolean)).toBe(true);
    // A page script clicks the host every way it can reach: nothing opens.
    await page.evaluate(() => {
      const h = document.querySelector('[data-aot="capture"]') as HTMLElement;
      h.click();
      h.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      h.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    });
    await page.waitForTimeout(500);
    expect(await page.locator('[data-aot="form"]').count()).toBe(0);
    // A person's click (real input) on the button opens the form, in a closed root too.
    await host.scrollIntoViewIfNeeded();
    const box = (await host.boundingBox())!;
    await page.mouse.click(box.x + Math.min(20, box.width / 2), box.y + box.height / 2);
    await page.locator('[data-aot="form"]').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.querySelector('[data-aot="form"]')!.shadowRoot)).toBeNull();
    // Nothing was stored: opening the form is not a capture.
    const ext = await openExtensionPage(session, 'options.html');
    const reply = (await ext.evaluate(() => chrome.runtime.sendMessage({ channel: 'aot/1', type: 'capture.lookup', data: { keys: ['vk:wall-100_501'] } }))) as {
      ok: boolean;
      data: { found: unknown[] };
    };
    expect(reply).toMatchObject({ ok: true, data: { found: [] } });
    await ext.close();
    await page.close();
  });
});
