/**
 * Underlines the checker's findings in a site's own editor without touching the editor's DOM:
 * - contenteditable: the CSS Custom Highlight API (Ranges over the editor's text nodes);
 * - textarea (or where the API is missing): a mirror overlay in a shadow root, positioned over
 *   the field, that repeats the text transparently and underlines the spans.
 * Re-checks after a short idle pause, follows scrolling and resizing. Standard DOM only.
 */
import type { Finding } from '@/lib/lint';

export interface HighlighterOptions {
  /** The checker: synchronous (extension pages) or asynchronous (a content script asks the background). */
  lint: (text: string) => Finding[] | Promise<Finding[]>;
  /** Idle pause before a re-check (ms). */
  delay?: number;
  onResult?: (findings: Finding[], text: string) => void;
  /** Prefix of highlight names and host attributes. */
  name?: string;
}

export interface Highlighter {
  refresh(): void;
  detach(): void;
  /** How long the last refresh took (lint + drawing), ms. */
  readonly lastRefreshMs: number;
  readonly mode: 'highlight-api' | 'overlay';
}

const CATEGORY_COLOR: Record<Finding['category'], string> = {
  cliche: '#d4a017',
  jargon: '#8250df',
  style: '#57606a',
  substance: '#57606a',
  forbidden: '#cf222e',
};
const CATEGORIES = Object.keys(CATEGORY_COLOR) as Array<Finding['category']>;
const BLOCK = /^(?:DIV|P|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TR)$/;

interface Segment {
  node: Text;
  start: number;
}

/** The editor's text as the checker sees it, with the text node behind each stretch. */
export function editorText(root: HTMLElement): { text: string; segments: Segment[] } {
  let text = '';
  const segments: Segment[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      segments.push({ node: node as Text, start: text.length });
      text += (node as Text).data;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (el.tagName === 'BR') {
      text += '\n';
      return;
    }
    const block = BLOCK.test(el.tagName) && el !== root;
    if (block && text && !text.endsWith('\n')) text += '\n';
    for (const child of el.childNodes) walk(child);
    if (block && text && !text.endsWith('\n')) text += '\n';
  };
  walk(root);
  return { text, segments };
}

function rangeFor(segments: Segment[], start: number, end: number): Range | null {
  let from: { node: Text; offset: number } | null = null;
  let to: { node: Text; offset: number } | null = null;
  for (const seg of segments) {
    const segEnd = seg.start + seg.node.data.length;
    if (!from && start >= seg.start && start < segEnd) from = { node: seg.node, offset: start - seg.start };
    if (end > seg.start && end <= segEnd) to = { node: seg.node, offset: end - seg.start };
  }
  if (!from || !to) return null;
  const range = new Range();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

type HighlightCtor = new (...ranges: Range[]) => { size: number };
type Registry = { set(name: string, h: unknown): void; delete(name: string): void };

function highlightApi(): { Highlight: HighlightCtor; registry: Registry } | null {
  const g = globalThis as unknown as { Highlight?: HighlightCtor; CSS?: { highlights?: Registry } };
  return g.Highlight && g.CSS?.highlights ? { Highlight: g.Highlight, registry: g.CSS.highlights } : null;
}

/**
 * The underline styles, in the document (highlights of a page's text are styled by the page's
 * sheets). Scoped to editable content: an unscoped `::highlight()` rule matches every element, so
 * adding it made the browser recompute the style of the whole page (88 ms on a 28,600-element VK
 * wall, when the checker attached to a reply box); scoped, only editors' elements (7 ms).
 */
function ensureHighlightStyles(doc: Document, name: string): void {
  const id = `${name}-highlight-styles`;
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  style.textContent = CATEGORIES.map((c) => {
    const pseudo = `::highlight(${name}-${c})`;
    return `[contenteditable]${pseudo}, [contenteditable] *${pseudo} { text-decoration: underline wavy ${CATEGORY_COLOR[c]} 1.5px; text-underline-offset: 3px; }`;
  }).join('\n');
  (doc.head ?? doc.documentElement).append(style);
}

const MIRRORED = [
  'box-sizing',
  'width',
  'height',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-style',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-indent',
  'text-transform',
  'white-space',
  'word-break',
  'overflow-wrap',
  'tab-size',
  'direction',
  'text-align',
];

export function attachHighlighter(editor: HTMLElement, options: HighlighterOptions): Highlighter {
  const name = options.name ?? 'aot';
  const delay = options.delay ?? 200;
  const doc = editor.ownerDocument;
  const api = editor instanceof HTMLTextAreaElement ? null : highlightApi();
  let lastRefreshMs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  // Overlay parts (textarea, or no Highlight API).
  let host: HTMLElement | undefined;
  let mirror: HTMLElement | undefined;

  const readText = () =>
    editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement ? { text: editor.value, segments: [] } : editorText(editor);

  const position = () => {
    if (!host || !mirror) return;
    const rect = editor.getBoundingClientRect();
    const view = doc.defaultView!;
    Object.assign(host.style, {
      top: `${rect.top + view.scrollY}px`,
      left: `${rect.left + view.scrollX}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
    });
    mirror.scrollTop = editor.scrollTop;
    mirror.scrollLeft = editor.scrollLeft;
  };

  const drawOverlay = (text: string, findings: Finding[]) => {
    if (!host) {
      host = doc.createElement('div');
      host.setAttribute(`data-${name}`, 'underlines');
      Object.assign(host.style, { position: 'absolute', pointerEvents: 'none', zIndex: '2147483646', margin: '0', padding: '0' });
      const shadow = host.attachShadow({ mode: 'open' });
      const style = doc.createElement('style');
      style.textContent =
        `.mirror{position:absolute;inset:0;overflow:hidden;color:transparent;background:transparent;margin:0;border-color:transparent}` +
        CATEGORIES.map((c) => `.u-${c}{text-decoration:underline wavy ${CATEGORY_COLOR[c]} 1.5px;text-underline-offset:3px}`).join('');
      mirror = doc.createElement('div');
      mirror.className = 'mirror';
      shadow.append(style, mirror);
      doc.body.append(host);
    }
    const computed = doc.defaultView!.getComputedStyle(editor);
    for (const prop of MIRRORED) mirror!.style.setProperty(prop, computed.getPropertyValue(prop));
    if (editor instanceof HTMLTextAreaElement) mirror!.style.whiteSpace = 'pre-wrap';
    // Text as text nodes; findings as <span>s. Never innerHTML: the text comes from the page.
    const parts: Node[] = [];
    let at = 0;
    for (const f of findings) {
      if (f.end <= f.start || f.start < at) continue;
      parts.push(doc.createTextNode(text.slice(at, f.start)));
      const mark = doc.createElement('span');
      mark.className = `u-${f.category}`;
      mark.dataset.rule = f.ruleId;
      mark.textContent = text.slice(f.start, f.end);
      parts.push(mark);
      at = f.end;
    }
    parts.push(doc.createTextNode(text.slice(at) + '\u200b'));
    mirror!.replaceChildren(...parts);
    position();
  };

  const drawHighlights = (segments: Segment[], findings: Finding[]) => {
    const { Highlight, registry } = api!;
    ensureHighlightStyles(doc, name);
    for (const category of CATEGORIES) {
      const ranges = findings
        .filter((f) => f.category === category && f.end > f.start)
        .map((f) => rangeFor(segments, f.start, f.end))
        .filter((r): r is Range => r !== null);
      if (ranges.length) registry.set(`${name}-${category}`, new Highlight(...ranges));
      else registry.delete(`${name}-${category}`);
    }
  };

  let generation = 0;
  const draw = (text: string, segments: Segment[], findings: Finding[], started: number) => {
    if (api) drawHighlights(segments, findings);
    else drawOverlay(text, findings);
    lastRefreshMs = performance.now() - started;
    options.onResult?.(findings, text);
  };
  const refresh = () => {
    const started = performance.now();
    const { text, segments } = readText();
    const result = options.lint(text);
    if (!(result instanceof Promise)) return draw(text, segments, result, started);
    // An answer that arrives after newer typing is stale: only the latest one is drawn.
    const mine = ++generation;
    void result.then(
      (findings) => {
        if (mine === generation && editor.isConnected) draw(text, segments, findings, started);
      },
      () => undefined,
    );
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      refresh();
    }, delay);
  };
  const follow = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (host) position();
    });
  };

  editor.addEventListener('input', schedule);
  editor.addEventListener('scroll', follow, { passive: true });
  doc.defaultView?.addEventListener('resize', follow, { passive: true });
  doc.defaultView?.addEventListener('scroll', follow, { passive: true, capture: true });
  const resize = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(follow) : undefined;
  resize?.observe(editor);
  refresh();

  return {
    refresh,
    get lastRefreshMs() {
      return lastRefreshMs;
    },
    mode: api ? 'highlight-api' : 'overlay',
    detach() {
      generation++;
      if (timer !== undefined) clearTimeout(timer);
      if (frame) cancelAnimationFrame(frame);
      editor.removeEventListener('input', schedule);
      editor.removeEventListener('scroll', follow);
      doc.defaultView?.removeEventListener('resize', follow);
      doc.defaultView?.removeEventListener('scroll', follow, { capture: true });
      resize?.disconnect();
      host?.remove();
      if (api) for (const c of CATEGORIES) api.registry.delete(`${name}-${c}`);
      // One editor is checked at a time: its highlight styles go with it.
      doc.getElementById(`${name}-highlight-styles`)?.remove();
    },
  };
}
