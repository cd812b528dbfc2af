/**
 * fflate with its asynchronous zip() done on the calling thread. write-excel-file zips with
 * fflate's zip(), which compresses each file of 160 KB or more (a sheet of a few thousand rows,
 * or the shared strings of a long deficiency list) on a Worker made from a blob: URL. An MV3
 * extension page may not start one: its worker-src can only be 'self', so the export would fail
 * exactly on large reports. Aliasing the bare 'fflate' import to this module for the extension
 * build (wxt.config.ts: vite.resolve.alias `{ find: /^fflate$/, replacement: <this file> }`)
 * keeps every compression on the page's thread: a year's workbook takes tens of milliseconds.
 * Everything else is fflate's own (the module imports its 'fflate/browser' entry, so the alias
 * does not loop).
 */
import { zipSync, type AsyncTerminable, type AsyncZipOptions, type AsyncZippable, type FlateCallback, type FlateError, type Zippable } from 'fflate/browser';

export * from 'fflate/browser';

/** fflate's zip(data, [opts,] cb), computed synchronously and delivered on a microtask (as the async API's callers expect). */
export function zip(data: AsyncZippable, optsOrCallback: AsyncZipOptions | FlateCallback, callback?: FlateCallback): AsyncTerminable {
  const cb = typeof optsOrCallback === 'function' ? optsOrCallback : callback!;
  const opts = typeof optsOrCallback === 'function' ? {} : optsOrCallback;
  let cancelled = false;
  queueMicrotask(() => {
    if (cancelled) return;
    let archive: Parameters<FlateCallback>[1];
    try {
      archive = zipSync(data as Zippable, opts);
    } catch (error) {
      cb(error as FlateError, null as unknown as Parameters<FlateCallback>[1]);
      return;
    }
    cb(null, archive);
  });
  return () => {
    cancelled = true;
  };
}
