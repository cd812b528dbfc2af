import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { asHealthReport, healthBanner } from './health';

/** The popup's warning when the current tab's markup could not be fully read. */
export function HealthBanner() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return;
      const key = `health:${tab.id}`;
      const report = asHealthReport((await browser.storage.session.get(key))[key]);
      setText(report ? healthBanner(report) : null);
    })().catch(() => undefined);
  }, []);
  return text ? (
    <p className="aot-form__notice aot-form__notice--error" role="alert" data-testid="health-banner">
      {text}
    </p>
  ) : null;
}
