/**
 * The popup's first script (a classic script in popup.html's head, not a module): it starts the
 * raw read of my queue while the page's modules (React and the rest) are still being fetched
 * and evaluated. popup/first-read.ts picks the read up.
 */
import { startFirstRead } from './popup/first-read';

export default defineUnlistedScript(() => {
  startFirstRead();
});
