import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import classes from './CompareRecords.module.css';

export interface CompareRow {
  label: string;
  /** One value per record, as shown. */
  values: ReactNode[];
  /** Values compared for the highlight (text, case and spaces ignored); absent: not compared. */
  compare?: (string | null | undefined)[];
}

const loose = (value: string | null | undefined) => (value ?? '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether the records disagree on a row (missing values do not count as a difference). */
export function differs(row: CompareRow): boolean {
  const present = (row.compare ?? []).map(loose).filter(Boolean);
  return present.length > 1 && new Set(present).size > 1;
}

/**
 * Records side by side, one column per record; rows where they disagree are highlighted and say so
 * to screen readers.
 */
export function CompareRecords({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: ReactNode[];
  rows: CompareRow[];
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm" data-testid="compare-records">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <Text component="span" size="sm" c="dimmed">
            {caption}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('evidence.field.label')}</Table.Th>
            {headers.map((header, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are the records, in a fixed order
              <Table.Th scope="col" key={i}>
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const different = differs(row);
            return (
              <Table.Tr
                key={row.label}
                className={different ? classes.differs : undefined}
                data-differs={different}
              >
                <Table.Th scope="row" fw={500}>
                  {row.label}
                  {different ? <VisuallyHidden> ({t('evidence.differs')})</VisuallyHidden> : null}
                </Table.Th>
                {row.values.map((value, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one cell per record, in a fixed order
                  <Table.Td key={i}>{value ?? '–'}</Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A link to a record's household page, or its text when the user cannot open it. */
export function HouseholdLink({
  id,
  children,
  allowed,
}: {
  id: number;
  children: ReactNode;
  allowed: boolean;
}) {
  return allowed ? (
    <Anchor component={Link} to={`/registry/households/${id}`} size="sm">
      {children}
    </Anchor>
  ) : (
    children
  );
}
