/** Shapes of the draft checker. */
export type Category = 'cliche' | 'jargon' | 'substance' | 'style' | 'forbidden';
export type Severity = 'info' | 'warning' | 'error';

export interface Finding {
  category: Category;
  ruleId: string;
  /** UTF-16 offsets into the text, as the DOM counts them. */
  start: number;
  end: number;
  /** Russian, short, concrete. */
  message: string;
  suggestion?: string;
  severity: Severity;
  /** Screener findings: the ground of п. 18 (and its equivalents) the finding supports, and why. */
  ground?: ScreenGround;
}

/**
 * Which ground of the regulations a screener finding supports (Yakutia п. 18, Khabarovsk п. 4,
 * Saratov п. 16, Ivanovo п. 18) and why, as codes: the UI says them (lib/i18n, keys
 * `lint.ground.*` and `lint.why.*`; groundReason in ./index.ts builds the Reason).
 */
export interface ScreenGround {
  code: 'obscenity' | 'insult' | 'threat' | 'harm';
  why:
    | 'obscene-root'
    | 'obscene-masked'
    | 'insult-word'
    | 'insult-addressed'
    | 'threat-verb'
    | 'threat-implied'
    | 'death-wish'
    | 'harm-call'
    | 'harm-intent'
    | 'reported';
  /** The words that decided it, as written. */
  word: string;
  /** The number of the clause in each region's regulation (п. 18, п. 4, п. 16, п. 18). */
  clauses: Readonly<{ yakutia: number; khabarovsk: number; saratov: number; ivanovo: number }>;
}

export interface LintOptions {
  /** Rule ids (or id prefixes ending with '.') the workspace switched off. */
  disabledRules?: readonly string[];
  /** The post is a repeat on an already handled issue: the answer must report measures. */
  repeat?: boolean;
  /** The curator asked for photos before/after. */
  photosRequested?: boolean;
  /** Photos are attached to the answer. */
  photosAttached?: boolean;
}

/**
 * A lexical rule: a phrase pattern in a small notation, compiled once.
 * Tokens are separated by spaces:
 *   слово      the exact word (lowercase, ё = е)
 *   основ~     any word starting with «основ» (an inflected form); основ~3 allows ≤ 3 more letters
 *   a|b|c      any of the alternatives (each may use ~)
 *   ?слово     an optional token
 *   …          a gap of at most one word; …3 of at most three
 */
export interface LexicalRule {
  id: string;
  category: 'cliche' | 'jargon' | 'style';
  pattern: string | readonly string[];
  message: string;
  suggestion?: string;
  /** 1–3: how much it weighs in the style score (Тургенев-like «кванты»). */
  weight: 1 | 2 | 3;
  severity?: Severity;
  /** Words that, right after the match, cancel it (e.g. «данные» as "data"). */
  unless?: readonly string[];
}
