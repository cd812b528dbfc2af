import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
// Both languages' texts, as extension pages have them (the content script installs one from storage).
import '@/lib/i18n/catalogs';

afterEach(() => cleanup());
