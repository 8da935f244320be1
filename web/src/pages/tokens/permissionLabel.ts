import type { TFunction } from 'i18next';

/** A permission's name for people (`tokens.permission.*`), or the permission itself when unnamed. */
export function permissionLabel(t: TFunction, permission: string): string {
  return t(`tokens.permission.${permission.replace('.', '_')}`, { defaultValue: permission });
}
