import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FindingStatus, Severity } from '../../api/types.ts';

const SEVERITY_COLORS: Record<Severity, string> = { tinggi: 'red', sedang: 'orange', rendah: 'gray' };
const STATUS_COLORS: Record<FindingStatus, string> = {
  open: 'blue',
  confirmed: 'orange',
  dismissed: 'gray',
  resolved: 'teal',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant="light" miw="max-content">
      {t(`findings.severity.${severity}`)}
    </Badge>
  );
}

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="outline" miw="max-content">
      {t(`findings.status.${status}`)}
    </Badge>
  );
}
