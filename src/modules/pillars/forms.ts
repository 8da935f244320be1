import type { TaskKind } from './vocabulary.ts';

/**
 * The visit form of each task kind: what the field app asks and how the server checks the answers.
 * Served as data (GET /api/pillars/forms), so the app draws the form it was sent, even offline.
 */
export interface Question {
  field: string;
  label: string;
  label_en: string;
  type: 'choice' | 'date' | 'desil';
  options?: readonly string[];
  /** Required always, or only when another answer has one of these values. */
  required: boolean | { when: string; is: readonly string[] };
}

const exists: Question = {
  field: 'exists',
  label: 'Apakah keluarga ini ada di alamat tersebut?',
  label_en: 'Does this household live at this address?',
  type: 'choice',
  options: ['ada', 'pindah', 'tidak_ditemukan'],
  required: true,
};

export const FORMS: Record<TaskKind, readonly Question[]> = {
  alive: [
    {
      field: 'alive',
      label: 'Apakah orang ini masih hidup?',
      label_en: 'Is this person alive?',
      type: 'choice',
      options: ['hidup', 'meninggal', 'tidak_diketahui'],
      required: true,
    },
    {
      field: 'death_date',
      label: 'Tanggal meninggal (jika diketahui)',
      label_en: 'Date of death (if known)',
      type: 'date',
      required: false,
    },
  ],
  household_exists: [exists],
  desil_plausible: [
    {
      field: 'plausible',
      label: 'Apakah desil keluarga ini sesuai dengan kondisinya?',
      label_en: 'Does the household’s desil fit its condition?',
      type: 'choice',
      options: ['sesuai', 'tidak_sesuai'],
      required: true,
    },
    {
      field: 'suggested_desil',
      label: 'Desil yang sesuai menurut pengamatan',
      label_en: 'The desil that fits what you saw',
      type: 'desil',
      required: { when: 'plausible', is: ['tidak_sesuai'] },
    },
  ],
  same_person: [
    {
      field: 'same',
      label: 'Apakah kedua rekaman ini orang yang sama?',
      label_en: 'Are the two records the same person?',
      type: 'choice',
      options: ['sama', 'berbeda', 'tidak_diketahui'],
      required: true,
    },
  ],
  recheck: [
    exists,
    {
      field: 'suggested_desil',
      label: 'Desil yang sesuai menurut pengamatan (kosongkan bila sesuai)',
      label_en: 'The desil that fits what you saw (empty when it fits)',
      type: 'desil',
      required: false,
    },
  ],
};

export interface AnswerProblem {
  field: string;
  reason: string;
}

/** What is wrong with a visit's answers for this kind of task; empty when they are complete and valid. */
export function answerProblems(kind: TaskKind, answers: Record<string, unknown>): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const known = new Set(FORMS[kind].map((q) => q.field));
  for (const field of Object.keys(answers)) {
    if (!known.has(field)) problems.push({ field, reason: `not a question of a ${kind} task` });
  }
  for (const question of FORMS[kind]) {
    const value = answers[question.field];
    const needed =
      question.required === true ||
      (typeof question.required === 'object' &&
        question.required.is.includes(String(answers[question.required.when] ?? '')));
    if (value === undefined || value === null || value === '') {
      if (needed) problems.push({ field: question.field, reason: 'is required' });
      continue;
    }
    const problem = valueProblem(question, value);
    if (problem) problems.push({ field: question.field, reason: problem });
  }
  return problems;
}

function valueProblem(question: Question, value: unknown): string | null {
  if (question.type === 'choice')
    return question.options?.includes(String(value))
      ? null
      : `must be one of ${question.options?.join(', ')}`;
  if (question.type === 'desil')
    return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10
      ? null
      : 'must be a whole number 1-10';
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'must be a date YYYY-MM-DD';
}
