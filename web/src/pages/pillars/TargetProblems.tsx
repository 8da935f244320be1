import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { TargetProblem } from './types.ts';

/** The problems of a refused target list or sheet (`400 invalid_targets`), or none for any other error. */
export function targetProblems(error: unknown): TargetProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'invalid_targets') return [];
  const details = error.details as { problems?: TargetProblem[] } | undefined;
  return details?.problems ?? [];
}

/** Each problem by sheet row and column, with the reason in the user's language. */
export function TargetProblems({ problems, caption }: { problems: TargetProblem[]; caption: string }) {
  const { t, i18n } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing={4} data-testid="target-problems">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('pillars.targets.row')}</Table.Th>
            <Table.Th scope="col">{t('pillars.targets.field')}</Table.Th>
            <Table.Th scope="col">{t('pillars.targets.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((problem, index) => (
            // A row may have several problems: the index keeps each apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed once shown
            <Table.Tr key={index}>
              <Table.Td>{problem.row ?? '–'}</Table.Td>
              <Table.Td>{t(`pillars.fields.${problem.field}`, { defaultValue: problem.field })}</Table.Td>
              <Table.Td>{i18n.language === 'en' ? problem.reason_en : problem.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
