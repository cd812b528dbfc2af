/** How the UI names a body (kept apart from format.ts: the content script does not need it). */
import { UNSPECIFIED_BODY } from '@/lib/db/schema';
import { t } from '@/lib/i18n';

/** A body as the UI names it: its directory name, else its id (the code of «no executor» said). */
export function bodyLabel(id: string, name: string | undefined): string {
  return name ?? (id === UNSPECIFIED_BODY ? t('body.unspecified') : id);
}
