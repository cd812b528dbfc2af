import { useEffect, useState } from 'react';
import { platform } from '@/lib/platform';
import { asHealthReport, healthBanner } from './health';

/** The popup's warning when the current tab's markup could not be fully read. */
export function HealthBanner() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      const { tabs, session } = platform();
      const tab = await tabs.current();
      if (tab?.id === undefined) return;
      const key = `health:${tab.id}`;
      const report = asHealthReport((await session.get(key))[key]);
      setText(report ? healthBanner(report) : null);
    })().catch(() => undefined);
  }, []);
  return text ? (
    <p className="aot-form__notice aot-form__notice--error" role="alert" data-testid="health-banner">
      {text}
    </p>
  ) : null;
}
