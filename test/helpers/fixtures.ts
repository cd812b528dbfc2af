import { JSDOM } from 'jsdom';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { resolve } from 'node:path';

// Tests run from the repository root (npm scripts); import.meta.url is not a file URL under jsdom.
const repo = `${resolve(process.cwd())}/`;

/** A fixture page of this repository (test/fixtures/…). */
export function repoFixture(name: string): string {
  return readFileSync(`${repo}test/fixtures/${name}`, 'utf8');
}

/** Real public data beside the repository (../shared/fixtures/…), never copied into it. */
export function sharedFixture(path: string, encoding = 'utf-8'): string {
  return new TextDecoder(encoding).decode(readFileSync(`${repo}../shared/fixtures/${path}`));
}

/**
 * A describe block that needs a folder of ../shared (e.g. 'fixtures/calendars', 'seeds'): where
 * the folder is absent it is skipped with a name that says so, and its body never runs (so
 * nothing throws while the file loads).
 */
/** Whether a folder of ../shared is there (e.g. 'fixtures/vk-ok-dom'). */
export function hasShared(folder: string): boolean {
  return existsSync(`${repo}../shared/${folder}`);
}

export function describeShared(folder: string, title: string, body: () => void): void {
  if (hasShared(folder)) {
    describe(title, body);
    return;
  }
  describe.skip(`${title} — skipped: ../shared/${folder} is absent (place the shared reference folder beside the repository)`, () => {
    it(`needs ../shared/${folder}`, () => undefined);
  });
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A page as the site would serve it at that address (location set: the health check reads the path). */
export function parseHtmlAt(html: string, url: string): Document {
  return new JSDOM(html, { url }).window.document;
}
