import { ActionIcon, Alert, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NewApiToken } from '../../api/types.ts';

/** The secret of a token just made: shown this once, with a copy button. */
export function NewTokenSecret({ token, onClose }: { token: NewApiToken; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('tokens.created', { name: token.name })}
      withCloseButton
      closeButtonLabel={t('tokens.hideSecret')}
      onClose={onClose}
      data-testid="token-secret"
    >
      <Text size="sm" mb="xs">
        {t('tokens.secretOnce')}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code style={{ wordBreak: 'break-all' }} aria-label={t('tokens.secret')}>
          {token.token}
        </Code>
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('tokens.copied') : t('tokens.copy')} withArrow>
              <ActionIcon
                variant="default"
                onClick={copy}
                aria-label={copied ? t('tokens.copied') : t('tokens.copy')}
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
