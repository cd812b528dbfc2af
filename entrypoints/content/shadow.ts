/** Our elements on the page: marked hosts with open shadow roots sharing one stylesheet. */
import css from '@/components/in-page.css?inline';

/** Marks every host element of ours, so the page observer ignores our own insertions. */
export const HOST_ATTR = 'data-aot';

let sheet: CSSStyleSheet | undefined;

/** The stylesheet shared by every shadow root of ours on the page. */
export function styleShadow(root: ShadowRoot): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Engines that refuse constructed sheets from an isolated world get a <style> copy.
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

