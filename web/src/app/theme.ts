import { createTheme } from '@mantine/core';

/** Dinas Sosial teal; a larger base size reads better on office screens and tablets. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});
