import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useSession } from './session.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const { login, ended } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(`${t('login.title')} · Sinergi`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (failure) {
      setError(failure);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit} aria-labelledby="login-title">
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title id="login-title" order={1} size="h2">
                  Sinergi
                </Title>
                <Text c="dimmed" size="sm">
                  {t('app.tagline')}
                </Text>
              </div>
              <LanguageSwitch />
            </Group>
            {ended && !error ? (
              <Alert color="yellow" variant="light" role="status">
                {t('login.sessionEnded')}
              </Alert>
            ) : null}
            {error ? <ErrorAlert error={error} title={t('login.failed')} /> : null}
            <TextInput
              label={t('login.username')}
              name="username"
              autoComplete="username"
              required
              autoFocus
              value={username}
              onChange={(event) => setUsername(event.currentTarget.value)}
            />
            <PasswordInput
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={busy} fullWidth>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
