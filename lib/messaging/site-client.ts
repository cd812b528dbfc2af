/** The content script's client: the capture requests only (see site-protocol.ts). */
import { makeRequest } from './client-core';
import { siteProtocol } from './site-protocol';

export const siteRequest = makeRequest(siteProtocol);
