/**
 * The DOM helpers the site adapters share (standard DOM API only), one concern per file:
 * query.ts safe queries, tree.ts walks up the tree, text.ts reading text, urls.ts links, ids and dates,
 * fields.ts lazily read items, picker.ts direct or batched field lookups, tracer.ts which
 * selector matched. Other modules import from here ('lib/sites/dom').
 */
export * from './query';
export * from './tree';
export * from './text';
export * from './urls';
export * from './fields';
export * from './picker';
export * from './tracer';
