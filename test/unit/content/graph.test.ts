// @vitest-environment node
/**
 * What the content script pulls in, from its sources: it runs in every VK/OK tab, so its module
 * graph stays light. zod's classic API builds heavy schema objects and keeps the rest of zod in
 * the bundle (content.js was 190 KB with it, 127 KB without: issue #21); the language catalogs
 * stay in the background.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

function resolveModule(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(candidate) && /\.(tsx?|json)$/.test(candidate)) return candidate;
  return null;
}

/** Every module the entry imports for its value (type-only imports are erased), and the packages. */
function graph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith('.json')) continue;
    const source = readFileSync(file, 'utf8');
    const statements = source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm);
    for (const [, , typeOnly, spec] of statements) {
      if (typeOnly || !spec) continue;
      const target = resolveModule(file, spec);
      if (target) queue.push(target);
      else if (!spec.startsWith('.') && !spec.startsWith('@/')) packages.set(spec, relative(ROOT, file));
    }
  }
  return { files, packages };
}

describe('the content script module graph', () => {
  const { files, packages } = graph(join(ROOT, 'entrypoints/content/index.ts'));

  it('is found (the walk follows relative and @/ imports)', () => {
    expect(files.size).toBeGreaterThan(20);
    expect([...files].some((f) => f.endsWith('lib/messaging/site-protocol.ts'))).toBe(true);
  });

  it('uses zod/mini only, never the classic zod API', () => {
    const classic = [...packages].filter(([spec]) => spec === 'zod' || spec === 'zod/v4').map(([spec, file]) => `${file} imports ${spec}`);
    expect(classic).toEqual([]);
    expect(packages.has('zod/mini')).toBe(true);
  });

  it('bundles no language catalog (it reads the one in use from storage)', () => {
    const catalogs = [...files].map((f) => relative(ROOT, f)).filter((f) => f.startsWith('lib/i18n/locales/') || f === 'lib/i18n/catalogs.ts');
    expect(catalogs).toEqual([]);
  });
});
