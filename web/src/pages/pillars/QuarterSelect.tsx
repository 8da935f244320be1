import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentQuarter, isQuarter, quarterChoices } from './quarter.ts';

/** The quarter a page shows, kept in the address (`?quarter=2025-Q3`) so a link or a reload keeps it. */
export function useQuarterParam(): [string, (quarter: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('quarter');
  const quarter = isQuarter(asked) ? asked : currentQuarter();
  const set = (next: string) => {
    const copy = new URLSearchParams(params);
    copy.set('quarter', next);
    setParams(copy, { replace: true });
  };
  return [quarter, set];
}

export function QuarterSelect({ value, onChange }: { value: string; onChange(quarter: string): void }) {
  const { t } = useTranslation();
  const choices = quarterChoices();
  const data = (choices.includes(value) ? choices : [value, ...choices]).map((q) => ({
    value: q,
    label: t('pillars.quarterLabel', { quarter: q.slice(6), year: q.slice(0, 4) }),
  }));
  return (
    <Select
      label={t('pillars.quarter')}
      data={data}
      value={value}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      w={200}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
