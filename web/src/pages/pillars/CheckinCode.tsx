import { ActionIcon, Code, CopyButton, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useFormat } from '../../i18n/format.ts';
import type { CheckinToken } from './types.ts';

/**
 * The event's check-in QR code, shown on a screen at the venue for the pillars' app to scan; its text
 * is there too (large, with a copy button) for a phone that cannot scan.
 */
export function CheckinCode({ eventId }: { eventId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const token = useQuery({
    queryKey: ['pillar-checkin-token', eventId],
    queryFn: () => api<CheckinToken>(`/api/pillars/events/${eventId}/checkin-token`),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="checkin-title">
      <Stack gap="sm" align="flex-start">
        <Title order={3} size="h4" id="checkin-title">
          {t('pillars.events.checkin')}
        </Title>
        {token.error ? <ErrorAlert error={token.error} /> : null}
        {token.data ? (
          <>
            <QRCodeSVG
              value={token.data.token}
              size={240}
              marginSize={2}
              title={t('pillars.events.qrTitle')}
              role="img"
              aria-label={t('pillars.events.qrTitle')}
            />
            <Group gap="xs" wrap="nowrap" maw="100%">
              <Code fz="lg" style={{ wordBreak: 'break-all' }} data-testid="checkin-token">
                {token.data.token}
              </Code>
              <CopyButton value={token.data.token}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('pillars.events.copied') : t('pillars.events.copy')} withArrow>
                    <ActionIcon
                      variant="default"
                      onClick={copy}
                      aria-label={copied ? t('pillars.events.copied') : t('pillars.events.copy')}
                    >
                      {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed">
              {t('pillars.events.validUntil', { time: format.dateTime(token.data.expires_at) })}
            </Text>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
