/**
 * Tokenising and phrase matching for the lexical rules. Unicode-aware (JavaScript's \b is
 * ASCII-only and fails on Cyrillic); offsets are UTF-16 code units, as the DOM counts them.
 */
import type { LexicalRule } from './types';

export interface Token {
  /** Lowercase, ё → е, soft hyphens and zero-width characters removed. */
  norm: string;
  start: number;
  end: number;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

/**
 * A word: letters and digits, hyphenated parts joined. Linear: a part always takes its whole run
 * (the hyphen that may follow is not in it), so a failed `-part` gives back one hyphen only.
 */
const WORD = /[\p{L}\p{N}\u00AD\u200B-\u200D]+(?:[-‐][\p{L}\p{N}\u00AD\u200B-\u200D]+)*/gu;
/** WORD for the adversarial tests: a copy (a global pattern's lastIndex is state; tokenize's own stays 0). */
export const WORD_PATTERN = new RegExp(WORD.source, WORD.flags);
const SENTENCE_BREAK = /[.!?…\n;:]/;
const INVISIBLE = /[\u00AD\u200B-\u200D]/g;
const INVISIBLE_TEST = /[\u00AD\u200B-\u200D]/;

export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(INVISIBLE, '').replace(/ё/g, 'е').replace(/‐/g, '-');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Lowercase once; per token only when lowercasing changed the length (offsets must hold).
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  let sentence = 0;
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    for (let k = last; k < start && tokens.length; k++) {
      if (SENTENCE_BREAK.test(text[k]!)) {
        sentence += 1;
        break;
      }
    }
    let norm = sameLength ? lower.slice(start, end) : m[0].toLowerCase();
    if (norm.includes('ё')) norm = norm.replace(/ё/g, 'е');
    if (INVISIBLE_TEST.test(norm)) norm = norm.replace(INVISIBLE, '');
    if (norm.includes('‐')) norm = norm.replace(/‐/g, '-');
    tokens.push({ norm, start, end, sentence });
    last = end;
  }
  return tokens;
}

interface Alt {
  text: string;
  stem: boolean;
  /** Letters allowed after a stem. */
  max: number;
}
interface Slot {
  alts: Alt[];
  optional: boolean;
  /** A gap of up to `gap` words (0: not a gap). */
  gap: number;
}
export interface CompiledRule {
  rule: LexicalRule;
  slots: Slot[];
  unless?: Set<string>;
}

const DEFAULT_STEM_TAIL = 6;

function compileSlot(raw: string): Slot | null {
  const gap = /^(?:…|\.\.\.)(\d?)$/.exec(raw);
  if (gap) return { alts: [], optional: true, gap: gap[1] ? Number(gap[1]) : 1 };
  const optional = raw.startsWith('?');
  const body = optional ? raw.slice(1) : raw;
  const alts: Alt[] = [];
  for (const part of body.split('|')) {
    const m = /^(.*?)~(\d*)$/.exec(part);
    const text = normalizeWord(m ? m[1]! : part);
    if (!/[\p{L}\p{N}]/u.test(text)) continue; // punctuation in a pattern is ignored
    alts.push(m ? { text, stem: true, max: m[2] ? Number(m[2]) : DEFAULT_STEM_TAIL } : { text, stem: false, max: 0 });
  }
  return alts.length ? { alts, optional, gap: 0 } : null;
}

function compile(rule: LexicalRule): CompiledRule[] {
  const patterns = typeof rule.pattern === 'string' ? [rule.pattern] : rule.pattern;
  return patterns.map((p) => {
    const slots = p
      .split(/\s+/)
      .filter(Boolean)
      .map(compileSlot)
      .filter((s): s is Slot => s !== null);
    if (!slots.length || slots[0]!.optional) throw new Error(`rule ${rule.id}: a pattern must start with a required word`);
    return { rule, slots, ...(rule.unless ? { unless: new Set(rule.unless.map(normalizeWord)) } : {}) };
  });
}

function altMatches(alt: Alt, word: string): boolean {
  if (!alt.stem) return word === alt.text;
  return word.startsWith(alt.text) && word.length - alt.text.length <= alt.max;
}

/** An index of compiled rules by their first word: exact forms and stem prefixes. */
export class Lexicon {
  private readonly exact = new Map<string, CompiledRule[]>();
  private readonly stems = new Map<string, CompiledRule[]>();
  private minStem = Infinity;
  private maxStem = 0;
  readonly size: number;

  constructor(rules: readonly LexicalRule[]) {
    const ids = new Set<string>();
    let size = 0;
    for (const rule of rules) {
      if (ids.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`);
      ids.add(rule.id);
      for (const compiled of compile(rule)) {
        size += 1;
        for (const alt of compiled.slots[0]!.alts) {
          const map = alt.stem ? this.stems : this.exact;
          const list = map.get(alt.text) ?? [];
          list.push(compiled);
          map.set(alt.text, list);
          if (alt.stem) {
            this.minStem = Math.min(this.minStem, alt.text.length);
            this.maxStem = Math.max(this.maxStem, alt.text.length);
          }
        }
      }
    }
    this.size = size;
  }

  /** Rules whose first word may match this token. */
  candidates(word: string): CompiledRule[] {
    const out: CompiledRule[] = [];
    const exact = this.exact.get(word);
    if (exact) out.push(...exact);
    for (let len = Math.min(this.maxStem, word.length); len >= this.minStem; len--) {
      const list = this.stems.get(word.slice(0, len));
      if (list) out.push(...list);
    }
    return out;
  }
}

/** The end token index (exclusive) of the longest match of `slots` from token i, or -1. */
function matchAt(slots: Slot[], tokens: Token[], i: number, sentence: number, s = 0): number {
  if (s === slots.length) return i;
  const slot = slots[s]!;
  if (slot.gap) {
    let best = matchAt(slots, tokens, i, sentence, s + 1);
    for (let k = 1; k <= slot.gap && tokens[i + k - 1]?.sentence === sentence; k++) best = Math.max(best, matchAt(slots, tokens, i + k, sentence, s + 1));
    return best;
  }
  const tok = tokens[i];
  let best = -1;
  if (tok && tok.sentence === sentence && slot.alts.some((a) => altMatches(a, tok.norm))) best = matchAt(slots, tokens, i + 1, sentence, s + 1);
  if (slot.optional) best = Math.max(best, matchAt(slots, tokens, i, sentence, s + 1));
  return best;
}

export interface LexicalHit {
  rule: LexicalRule;
  startToken: number;
  endToken: number;
}

/** Every rule match, overlaps resolved: the longest match wins, then the heavier rule. */
export function matchLexicon(lexicon: Lexicon, tokens: Token[], enabled: (rule: LexicalRule) => boolean): LexicalHit[] {
  const hits: LexicalHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    for (const compiled of lexicon.candidates(tok.norm)) {
      if (!enabled(compiled.rule)) continue;
      const end = matchAt(compiled.slots, tokens, i, tok.sentence);
      if (end <= i) continue;
      const after = tokens[end];
      if (compiled.unless && after && after.sentence === tok.sentence && compiled.unless.has(after.norm)) continue;
      hits.push({ rule: compiled.rule, startToken: i, endToken: end });
    }
  }
  hits.sort((a, b) => b.endToken - b.startToken - (a.endToken - a.startToken) || b.rule.weight - a.rule.weight || a.startToken - b.startToken);
  const taken = new Uint8Array(tokens.length);
  const chosen: LexicalHit[] = [];
  for (const hit of hits) {
    let free = true;
    for (let k = hit.startToken; k < hit.endToken; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = hit.startToken; k < hit.endToken; k++) taken[k] = 1;
    chosen.push(hit);
  }
  return chosen.sort((a, b) => a.startToken - b.startToken);
}
