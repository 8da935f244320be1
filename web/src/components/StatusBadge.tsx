import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordStatus } from '../api/types.ts';

const COLORS: Record<RecordStatus, string> = {
  aktif: 'teal',
  meninggal: 'gray',
  pindah: 'blue',
  ganda: 'orange',
  tidak_ditemukan: 'yellow',
  tidak_layak: 'red',
};

export function StatusBadge({ status }: { status: RecordStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" miw="max-content">
      {t(`status.${status}`)}
    </Badge>
  );
}
