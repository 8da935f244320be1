import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** The server's own message in the user's language, or a plain note when the server was not reached. */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      return i18n.language === 'en' && error.messageEn ? error.messageEn : error.message;
    }
    return t('errors.network');
  };
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle />}
      title={title ?? t('errors.title')}
      role="alert"
    >
      {message(error)}
    </Alert>
  );
}
