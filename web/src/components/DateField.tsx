import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/id';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useTranslation } from 'react-i18next';

// A typed date is read in the field's own format (DD-MM-YYYY in Indonesian).
dayjs.extend(customParseFormat);

const FORMATS = { id: 'DD-MM-YYYY', en: 'D MMM YYYY' } as const;

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'locale' | 'valueFormat'> & {
  /** 'YYYY-MM-DD', or '' for none. */
  value: string;
  onChange: (value: string) => void;
};

/**
 * A date in the app's language, day first in Indonesian, whatever the browser's own locale (a
 * native date field on an English browser asks mm/dd/yyyy of an Indonesian office). The value
 * stays 'YYYY-MM-DD', as the API takes it. The field app keeps the phone's native picker.
 */
export function DateField({ value, onChange, ...props }: Props) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <DateInput
      {...props}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      locale={language}
      valueFormat={FORMATS[language]}
      clearable={!props.required}
    />
  );
}
