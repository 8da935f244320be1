import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from './index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: 'id', label: 'Indonesia' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
