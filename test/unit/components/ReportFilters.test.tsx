import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Filters, type FilterOptions } from '@/components/reports/Filters';
import { setLocale } from '@/lib/i18n';
import { getProfile, regulationProfileSchema } from '@/lib/regulations';

afterEach(() => setLocale('ru'));

const options = (importance: FilterOptions['importance']): FilterOptions => ({ bodies: [], topics: [], locations: [], importance });
const names = () => [...(screen.getByRole('combobox', { name: 'Importance' }) as HTMLSelectElement).options].map((o) => o.textContent);

describe('reports: the importance filter', () => {
  it("names the categories by id in the language in use, even where a stored profile still carries an older release's Russian label", () => {
    setLocale('en');
    // A profile stored by an older release: its categories carry Russian labels.
    const stored = regulationProfileSchema.parse({
      ...getProfile('saratov'),
      importance: [
        { id: 'normal', label: 'Обычная' },
        { id: 'high', label: 'Высокая' },
        { id: 'critical', label: 'Социально значимая', immediateReport: true },
        { id: 'extra', label: 'Своя категория' },
      ],
    });
    render(<Filters options={options(stored.importance)} value={{}} onChange={() => {}} />);
    expect(names()).toEqual(['All', 'Normal', 'High', 'Socially significant', 'Своя категория']);
  });

  it('says the seed categories, whose label is only their id, from the catalog', () => {
    setLocale('en');
    const seed = getProfile('yakutia').importance;
    expect(seed.every((c) => c.label === c.id)).toBe(true);
    render(<Filters options={options(seed)} value={{}} onChange={() => {}} />);
    expect(names()).toEqual(['All', 'Normal', 'High', 'Socially significant']);
  });
});
