import { Group, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** The page's heading, also used as the browser tab's title. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useDocumentTitle(`${title} · Sinergi`);
  return (
    <Group justify="space-between" align="center" mb="md" gap="sm">
      <Title order={2}>{title}</Title>
      {children}
    </Group>
  );
}
