import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './Facts.module.css';

/** Label and value pairs as a description list, in columns on wide screens. */
export function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 1, xs: 2, md: 3 }}
      spacing="sm"
      verticalSpacing="xs"
      className={classes.list}
    >
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="xs" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" size="sm" className={classes.value}>
            {item.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
