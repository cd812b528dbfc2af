/** Bundled by test/e2e/highlighter.test.ts into the fixture page (not part of the extension). */
import { attachHighlighter } from '@/components/inplace/highlighter';
import { lintDraft } from '@/lib/lint';

(window as unknown as Record<string, unknown>).__aot = { attachHighlighter, lintDraft };
