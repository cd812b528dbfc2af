/**
 * Validation problems as texts the UI says (Reasons), never as words: a check of ours names its
 * message by key ('validation.*', with its params), and zod's own checks are mapped to keys by
 * their code. Pure.
 */
import type { core } from 'zod';
import { reason, type Param, type Params, type Reason, type TextKey } from './index';

/** The message keys of our own checks start with this (their message is a key, not words). */
export const VALIDATION_KEY_PREFIX = 'validation.';

type Issue = core.$ZodIssue;

const TYPES: Record<string, TextKey> = {
  string: 'validation.type.string',
  number: 'validation.type.number',
  int: 'validation.type.number',
  nan: 'validation.type.number',
  boolean: 'validation.type.boolean',
  array: 'validation.type.array',
  tuple: 'validation.type.array',
  object: 'validation.type.object',
  record: 'validation.type.object',
};

const typeName = (name: string): Param => (TYPES[name] ? reason(TYPES[name]) : name);

/** A number or a short value shown in a text (bigints and dates as their string). */
const value = (v: unknown): string | number => (typeof v === 'number' || typeof v === 'string' ? v : String(v));

/**
 * The params a keyed message of ours carries: a custom check's own, or a built-in check's bounds
 * (`z.maxLength(48, 'validation.intervalsPerDay')` says {maximum}).
 */
export function issueParams(issue: Issue): Params | undefined {
  if (issue.code === 'custom') {
    const own = issue.params;
    if (!own) return undefined;
    const out: Record<string, Param> = {};
    for (const [name, v] of Object.entries(own))
      if (v !== undefined) out[name] = typeof v === 'object' && v !== null && 'reason' in v ? (v as Reason) : value(v);
    return out;
  }
  if (issue.code === 'too_big') return { maximum: value(issue.maximum) };
  if (issue.code === 'too_small') return { minimum: value(issue.minimum) };
  return undefined;
}

/** What one problem says (without where it is). */
export function issueReason(issue: Issue): Reason {
  if (typeof issue.message === 'string' && issue.message.startsWith(VALIDATION_KEY_PREFIX)) return reason(issue.message as TextKey, issueParams(issue));
  switch (issue.code) {
    case 'invalid_type':
      return reason('validation.type', { expected: typeName(issue.expected) });
    case 'too_big':
      return reason('validation.tooBig', { maximum: value(issue.maximum) });
    case 'too_small':
      return reason('validation.tooSmall', { minimum: value(issue.minimum) });
    case 'invalid_value':
      return reason('validation.value', { values: issue.values.map(value).join(' | ') });
    case 'unrecognized_keys':
      return reason('validation.keys', { keys: issue.keys.join(', ') });
    case 'invalid_format':
      return reason('validation.format');
    default:
      return reason('validation.invalid');
  }
}

/**
 * The first `limit` problems, each with where it is («messages.0.url: …»); `root` names a
 * problem of the whole value.
 */
export function issueReasons(issues: readonly Issue[], limit = Infinity, root?: Param): Reason[] {
  return issues.slice(0, limit).map((issue) => {
    const path = issue.path.map(String).join('.');
    const where = path || root;
    return where === undefined ? issueReason(issue) : reason('validation.issue', { path: where, message: issueReason(issue) });
  });
}
