import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A key of the evidence's JSON made readable when the dictionaries do not name it. */
export function readable(key: string): string {
  const text = key.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Labels of the evidence's keys, the linkage engine's fields and its comparison levels. */
export function useEvidenceLabels() {
  const { t } = useTranslation();
  const key = useCallback((name: string) => t(`evidence.key.${name}`, { defaultValue: readable(name) }), [t]);
  const field = useCallback(
    (name: string) => t(`evidence.field.${name}`, { defaultValue: readable(name) }),
    [t],
  );
  const level = useCallback(
    (label: string) => {
      const similarity = /^similarity >= ([\d.]+)$/.exec(label);
      if (similarity) return t('evidence.similarity', { value: similarity[1] });
      return t(`evidence.level.${label.replace(/[^A-Za-z0-9]+/g, '_')}`, { defaultValue: label });
    },
    [t],
  );
  const problem = useCallback(
    (code: string) => t(`evidence.problem.${code}`, { defaultValue: readable(code) }),
    [t],
  );
  return { key, field, level, problem };
}
