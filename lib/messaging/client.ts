/** The client of the full protocol, for extension pages (see client-core.ts). */
import { makeRequest } from './client-core';
import { protocol } from './protocol';

export { makeRequest, REQUEST_TIMEOUT_MS, type Transport } from './client-core';

export const request = makeRequest(protocol);
