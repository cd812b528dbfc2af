/**
 * The extension's own pages and the sections a link or a notification can open in them (the
 * page scrolls to the section named by the address's hash and focuses it: components/options/
 * section-hash.ts). Paths only: TabsPort.extensionUrl makes them full addresses.
 */

/** Sections of the options page that can be opened by address (their elements' ids). */
export const OPTIONS_SECTIONS = ['accounts', 'plans'] as const;
export type OptionsSection = (typeof OPTIONS_SECTIONS)[number];

/** '/options.html#plans'. */
export function optionsPath(section?: OptionsSection): string {
  return section ? `/options.html#${section}` : '/options.html';
}
