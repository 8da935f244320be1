import { Button, FileButton, Image, Stack, Text } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shrinkPhoto } from './photo.ts';

/** A photo of the house from the phone's camera (or gallery), made small enough to send on a weak signal. */
export function PhotoInput({ value, onChange }: { value: Blob | null; onChange(value: Blob | null): void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!value) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(value);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [value]);

  const choose = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      onChange(await shrinkPhoto(file));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('fieldwork.visit.photo')}
      </Text>
      {preview ? (
        <Image src={preview} alt={t('fieldwork.visit.photoAlt')} mah={240} w="auto" fit="contain" />
      ) : null}
      <FileButton
        onChange={choose}
        accept="image/jpeg,image/png,image/webp"
        inputProps={{ capture: 'environment' }}
      >
        {(props) => (
          <Button
            {...props}
            variant="light"
            leftSection={<IconCamera size={16} />}
            loading={busy}
            w="fit-content"
          >
            {t(value ? 'fieldwork.visit.changePhoto' : 'fieldwork.visit.takePhoto')}
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}
