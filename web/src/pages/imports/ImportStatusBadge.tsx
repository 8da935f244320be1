import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportRecord } from '../../api/types.ts';

const COLORS: Record<ImportRecord['status'], string> = {
  running: 'blue',
  committed: 'teal',
  unchanged: 'gray',
  failed: 'red',
};

export function ImportStatusBadge({ status }: { status: ImportRecord['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" miw="max-content">
      {t(`imports.status.${status}`)}
    </Badge>
  );
}
