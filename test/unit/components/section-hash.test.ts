/**
 * options.html#plans (a plan's notification): the section the hash names is scrolled into view
 * and focused — at once when it is there, or as soon as it is rendered (the sections appear after
 * the database answers); a section that never comes is given up; a new hash is followed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusSection, followHash } from '@/components/options/section-hash';

const scrolled: string[] = [];
afterEach(() => {
  document.body.replaceChildren();
  window.history.replaceState(null, '', '/');
  scrolled.length = 0;
  vi.useRealTimers();
});

function section(id: string): HTMLElement {
  const el = document.createElement('section');
  el.id = id;
  // jsdom has no layout: record the scroll instead.
  el.scrollIntoView = () => void scrolled.push(id);
  return el;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('focusSection', () => {
  it('scrolls to the named section and focuses it without putting it in the tab order', () => {
    document.body.append(section('accounts'), section('plans'));
    expect(focusSection(document, '#plans')).toBe(true);
    expect(scrolled).toEqual(['plans']);
    expect(document.activeElement?.id).toBe('plans');
    expect(document.getElementById('plans')!.getAttribute('tabindex')).toBe('-1');
  });

  it('is not done while the section is missing; an empty or malformed hash names nothing', () => {
    expect(focusSection(document, '#plans')).toBe(false);
    expect(focusSection(document, '')).toBe(true);
    expect(focusSection(document, '#%E0%A4%A')).toBe(true);
    expect(scrolled).toEqual([]);
  });
});

describe('followHash', () => {
  it('waits for the section to be rendered, then focuses it once', async () => {
    window.history.replaceState(null, '', '/options.html#plans');
    const stop = followHash(window);
    expect(scrolled).toEqual([]);
    document.body.append(section('accounts'));
    await tick();
    expect(scrolled).toEqual([]);
    document.body.append(section('plans'));
    await tick();
    expect(scrolled).toEqual(['plans']);
    expect(document.activeElement?.id).toBe('plans');
    // Rendered again later: not scrolled to again (the person may have moved on).
    document.body.append(document.createElement('p'));
    await tick();
    expect(scrolled).toEqual(['plans']);
    stop();
  });

  it('gives up on a section that never comes, and follows a new hash', async () => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/options.html#plans');
    const stop = followHash(window, 1000);
    vi.advanceTimersByTime(1001);
    document.body.append(section('plans'));
    await vi.runAllTimersAsync();
    expect(scrolled).toEqual([]);
    document.body.append(section('accounts'));
    window.history.replaceState(null, '', '/options.html#accounts');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(scrolled).toEqual(['accounts']);
    stop();
    // Stopped: a hash change is no longer followed.
    window.history.replaceState(null, '', '/options.html#plans');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(scrolled).toEqual(['accounts']);
  });
});
