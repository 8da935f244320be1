import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Numbers and dates in the user's language (1.234 and 23 Nov 2025 in Indonesian). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  return useMemo(
    () => ({
      number: (value: number) => value.toLocaleString(locale),
      percent: (share: number) =>
        share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 }),
      // Dates without a time (birth dates) are calendar days, not instants: read them as UTC.
      date: (value: string) =>
        new Date(value).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
      dateTime: (value: string) =>
        new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    }),
    [locale],
  );
}
