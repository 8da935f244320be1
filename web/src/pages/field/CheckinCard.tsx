import { Button, Card, Group, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface CheckinResult {
  title: string;
  recorded: boolean;
  already_recorded: boolean;
}

/**
 * Attendance at a bimtek or FGD: the code of the QR shown at the event, read by the phone's camera
 * where the browser can read QR codes (BarcodeDetector, as on Android's Chrome), or typed.
 */
export function CheckinCard({ online }: { online: boolean }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  const checkin = useMutation({
    mutationFn: (token: string) =>
      api<CheckinResult>('/api/pillars/checkin', { method: 'POST', json: { token: token.trim() } }),
  });
  const canScan = 'BarcodeDetector' in window;

  const scan = async (file: File | undefined) => {
    if (!file) return;
    setScanProblem(null);
    try {
      const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorConstructor }).BarcodeDetector;
      const [found] = await new Detector({ formats: ['qr_code'] }).detect(await createImageBitmap(file));
      if (!found) throw new Error('no code');
      setCode(found.rawValue);
      checkin.mutate(found.rawValue);
    } catch {
      setScanProblem(t('fieldwork.checkin.noCode'));
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="checkin-title">
      <Text fw={600} id="checkin-title" mb="xs">
        {t('fieldwork.checkin.title')}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (code.trim()) checkin.mutate(code);
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('fieldwork.checkin.code')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" disabled={!online || !code.trim()} loading={checkin.isPending}>
            {t('fieldwork.checkin.submit')}
          </Button>
        </Group>
      </form>
      {canScan ? (
        <Button component="label" variant="subtle" size="xs" mt="xs" disabled={!online}>
          {t('fieldwork.checkin.scan')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            onChange={(event) => void scan(event.currentTarget.files?.[0])}
          />
        </Button>
      ) : null}
      {scanProblem ? (
        <Text size="sm" c="red">
          {scanProblem}
        </Text>
      ) : null}
      {checkin.data ? (
        <Text size="sm" c="green" role="status">
          {t(checkin.data.already_recorded ? 'fieldwork.checkin.already' : 'fieldwork.checkin.recorded', {
            title: checkin.data.title,
          })}
        </Text>
      ) : null}
      {checkin.error ? <ErrorAlert error={checkin.error} /> : null}
    </Card>
  );
}

interface BarcodeDetectorConstructor {
  new (options: { formats: string[] }): { detect(source: ImageBitmap): Promise<{ rawValue: string }[]> };
}
