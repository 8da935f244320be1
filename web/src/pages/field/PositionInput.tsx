import { Button, Group, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitPayload } from './types.ts';

type Position = NonNullable<VisitPayload['position']>;

/** The phone's GPS position at the house; the evaluation counts visits without one, or far from the desa. */
export function PositionInput({ value, onChange }: { value?: Position; onChange(value: Position): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const take = () => {
    if (!('geolocation' in navigator)) {
      setProblem(t('fieldwork.visit.positionUnavailable'));
      return;
    }
    setBusy(true);
    setProblem(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setBusy(false);
        onChange({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          accuracy_m: Math.round(position.coords.accuracy),
        });
      },
      (error) => {
        setBusy(false);
        setProblem(t('fieldwork.visit.positionFailed', { reason: error.message }));
      },
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
    );
  };

  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {t('fieldwork.visit.position')}
      </Text>
      <Group gap="sm">
        <Button variant="light" leftSection={<IconMapPin size={16} />} onClick={take} loading={busy}>
          {t('fieldwork.visit.takePosition')}
        </Button>
        {value ? (
          <Text size="sm" data-testid="position">
            {t('fieldwork.visit.positionTaken', {
              lat: value.lat.toFixed(5),
              lng: value.lng.toFixed(5),
              accuracy: value.accuracy_m ?? '?',
            })}
          </Text>
        ) : null}
      </Group>
      {problem ? (
        <Text size="sm" c="red" mt={4}>
          {problem}
        </Text>
      ) : null}
    </div>
  );
}
