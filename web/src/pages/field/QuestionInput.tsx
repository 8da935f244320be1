import { Radio, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Question } from './types.ts';

/** One question of a task's form, drawn from the form the server sent (so it works offline too). */
export function QuestionInput({
  question,
  value,
  required,
  error,
  onChange,
}: {
  question: Question;
  value: string | number | undefined;
  required: boolean;
  error?: string;
  onChange(value: string | number | undefined): void;
}) {
  const { t, i18n } = useTranslation();
  const label = i18n.language === 'en' ? question.label_en : question.label;
  if (question.type === 'choice') {
    return (
      <Radio.Group
        label={label}
        withAsterisk={required}
        error={error}
        value={value === undefined ? null : String(value)}
        onChange={(next) => onChange(next)}
      >
        <Stack gap={6} mt={6}>
          {(question.options ?? []).map((option) => (
            <Radio
              key={option}
              value={option}
              label={t(`fieldwork.answer.${option}`, { defaultValue: option })}
            />
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  if (question.type === 'desil') {
    return (
      <Select
        label={label}
        withAsterisk={required}
        error={error}
        placeholder={t('fieldwork.visit.chooseDesil')}
        data={Array.from({ length: 10 }, (_, i) => String(i + 1))}
        value={value === undefined ? null : String(value)}
        onChange={(next) => onChange(next ? Number(next) : undefined)}
        clearable
      />
    );
  }
  return (
    <TextInput
      type="date"
      label={label}
      withAsterisk={required}
      error={error}
      value={value === undefined ? '' : String(value)}
      onChange={(event) => onChange(event.currentTarget.value || undefined)}
    />
  );
}
