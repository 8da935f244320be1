import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Labels of the import format's codes (kepala_keluarga, sumur_terlindung, ...): translated where the
 * dictionaries have them, otherwise the code made readable.
 */
export function useVocabulary() {
  const { t } = useTranslation();
  return useCallback(
    (list: string, code: string | null | undefined): string =>
      code ? t(`vocab.${list}.${code}`, { defaultValue: readable(code) }) : '–',
    [t],
  );
}

function readable(code: string): string {
  const text = code.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
