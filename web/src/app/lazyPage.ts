import { type ComponentType, lazy } from 'react';

/**
 * A page whose code loads on its first visit (the shell's Suspense shows a loader meanwhile), so the
 * first screen waits only for the shell and the page it shows.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
