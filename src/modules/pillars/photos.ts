import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, badRequest } from '../../server/errors.ts';

/** A visit photo may be this large: a phone photo resized by the field app is far smaller. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

const SIGNATURES: { type: string; ext: string; matches(b: Buffer): boolean }[] = [
  { type: 'image/jpeg', ext: 'jpg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/png',
    ext: 'png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    type: 'image/webp',
    ext: 'webp',
    matches: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** The image type of these bytes, read from the bytes themselves (the declared type is not trusted). */
export function photoType(data: Buffer): { type: string; ext: string } {
  if (data.length > PHOTO_MAX_BYTES)
    throw new AppError(
      413,
      'photo_too_large',
      `Foto lebih dari ${PHOTO_MAX_BYTES / 1024 / 1024} MB`,
      `The photo is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB`,
      {
        field: 'photo',
      },
    );
  const found = SIGNATURES.find((s) => s.matches(data));
  if (!found)
    throw badRequest('Foto harus berupa JPEG, PNG atau WebP', 'The photo must be a JPEG, PNG or WebP image', {
      field: 'photo',
    });
  return found;
}

/** Visit photos live under the data folder: pillar-photos/YYYY-MM/<visit id>-<random>.<ext>. */
export function photoPath(dataDir: string, relative: string): string {
  return join(dataDir, 'pillar-photos', relative);
}

export async function savePhoto(dataDir: string, visitId: string, at: Date, data: Buffer) {
  const { type, ext } = photoType(data);
  // A random part: two sends of one visit racing each write their own file, and the loser removes only its own.
  const relative = `${at.toISOString().slice(0, 7)}/${visitId}-${randomBytes(4).toString('hex')}.${ext}`;
  const path = photoPath(dataDir, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  return { relative, type, bytes: data.length };
}

export async function readPhoto(dataDir: string, relative: string): Promise<Buffer> {
  return readFile(photoPath(dataDir, relative));
}

/** Removes a photo written for a visit that turned out to be a resend. */
export async function discardPhoto(dataDir: string, relative: string): Promise<void> {
  await rm(photoPath(dataDir, relative), { force: true });
}
