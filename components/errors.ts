/**
 * What a person is told when a request fails: a Russian, actionable sentence with a code they
 * can quote — never an exception's own text (that goes to the console, and the background's
 * log holds an internal error's details under the same reference).
 */
import { t } from '@/lib/i18n';
import { ChannelError } from '@/lib/messaging/channel';

export function errorText(error: unknown): string {
  if (error instanceof ChannelError) {
    switch (error.code) {
      case 'no-connection':
        return t('error.noConnection');
      case 'internal':
        return t('error.internal', { ref: error.ref ?? 'INTERNAL' });
      case 'rate-limited':
        return t('error.rateLimited');
      default:
        console.warn('[aot] request refused:', error.code, error.message);
        return t('error.refused', { code: `AOT-${error.code.toUpperCase()}` });
    }
  }
  console.warn('[aot] unexpected error:', error);
  const name = error instanceof Error && /^[A-Za-z]+$/.test(error.name) ? error.name : 'ERROR';
  return t('error.unknown', { code: `AOT-${name.toUpperCase()}` });
}
