import { Alert, Anchor, Button, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { answerProblems } from '../../../../src/modules/pillars/forms.ts';
import { HOUSEHOLD_CONDITIONS, type TaskKind } from '../../../../src/modules/pillars/vocabulary.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFieldSync } from './FieldLayout.tsx';
import { HouseholdSummary } from './HouseholdSummary.tsx';
import { subjectOf } from './household.ts';
import { saveVisit } from './offline/outbox.ts';
import { PhotoInput } from './PhotoInput.tsx';
import { PositionInput } from './PositionInput.tsx';
import { QuestionInput } from './QuestionInput.tsx';
import type { Question, VisitPayload } from './types.ts';
import { useMyTasks } from './useMyTasks.ts';
import { newVisitId } from './visitId.ts';

type Answers = Record<string, string | number>;

function isRequired(question: Question, answers: Answers): boolean {
  if (typeof question.required === 'boolean') return question.required;
  return question.required.is.includes(String(answers[question.required.when] ?? ''));
}

/** The visit form of one task: works without a signal; the visit is kept on the phone until sent. */
export function VisitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const userId = me?.user.id ?? 0;
  const taskId = Number(useParams().id);
  const tasks = useMyTasks(userId);
  const sync = useFieldSync();
  const [startedAt] = useState(() => new Date().toISOString());
  const [answers, setAnswers] = useState<Answers>({});
  const [notes, setNotes] = useState('');
  const [condition, setCondition] = useState<string | null>(null);
  const [position, setPosition] = useState<VisitPayload['position']>();
  const [photo, setPhoto] = useState<Blob | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  if (tasks.error) return <ErrorAlert error={tasks.error} />;
  if (!tasks.data) return null;
  const task = tasks.data.data.tasks.find((candidate) => candidate.id === taskId);
  const back = (
    <Anchor component={Link} to="/field" size="sm">
      {t('fieldwork.visit.back')}
    </Anchor>
  );
  if (!task) {
    return (
      <Stack>
        <Alert color="yellow">{t('fieldwork.visit.notFound')}</Alert>
        {back}
      </Stack>
    );
  }
  const form = tasks.data.data.forms[task.kind] ?? [];
  const subject = subjectOf(task);

  const answer = (field: string, value: string | number | undefined) =>
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[field];
      else next[field] = value;
      return next;
    });

  const save = async () => {
    // The server's own check, run here first: a visit saved offline must not come back refused.
    const found = answerProblems(task.kind as TaskKind, answers);
    if (found.length > 0) {
      setProblems(Object.fromEntries(found.map((p) => [p.field, t('fieldwork.visit.required')])));
      return;
    }
    setSaving(true);
    const payload: VisitPayload = {
      id: newVisitId(),
      task_id: task.id,
      started_at: startedAt,
      visited_at: new Date().toISOString(),
      answers,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(condition ? { condition } : {}),
      ...(position ? { position } : {}),
    };
    const label = `${subject?.name ?? `#${task.household_id}`} · ${t(`fieldwork.kind.${task.kind}`)}`;
    await saveVisit({ userId, label, payload, photo });
    if (navigator.onLine) void sync();
    navigate('/field', { state: { saved: payload.id } });
  };

  return (
    <Stack maw={720}>
      {back}
      <PageHeader title={t('fieldwork.visit.title', { name: subject?.name ?? `#${task.household_id}` })} />
      <Text size="sm" c="dimmed">
        {t(`fieldwork.kind.${task.kind}`)} · {t(`fieldwork.source.${task.source}`)}
      </Text>
      {task.question ? (
        <Alert color="blue" title={t('fieldwork.visit.question')}>
          {task.question}
        </Alert>
      ) : null}
      <HouseholdSummary task={task} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          {form.map((question) => (
            <QuestionInput
              key={question.field}
              question={question}
              value={answers[question.field]}
              required={isRequired(question, answers)}
              error={problems[question.field]}
              onChange={(value) => answer(question.field, value)}
            />
          ))}
          <Select
            label={t('fieldwork.condition.label')}
            data={HOUSEHOLD_CONDITIONS.map((code) => ({
              value: code,
              label: t(`fieldwork.condition.${code}`),
            }))}
            value={condition}
            onChange={setCondition}
            clearable
          />
          <Textarea
            label={t('fieldwork.visit.notes')}
            description={t('fieldwork.visit.notesHint')}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={4000}
          />
          <PositionInput value={position} onChange={setPosition} />
          <PhotoInput value={photo} onChange={setPhoto} />
          <Button type="submit" loading={saving} size="md">
            {t('fieldwork.visit.save')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
