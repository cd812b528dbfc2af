// @ts-check
/** Bundles a test entry (TypeScript, '@/…' paths) into one script for a fixture page. */
import { build } from 'esbuild';

/** @param {string} entry */
export async function bundleForPage(entry) {
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, tsconfig: 'tsconfig.json', logLevel: 'error' });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}
