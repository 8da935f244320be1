import { afterEach, describe, expect, it, vi } from 'vitest';
import { newVisitId } from './visitId.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newVisitId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes a version-4 UUID, a new one each time', () => {
    const ids = new Set(Array.from({ length: 100 }, newVisitId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('makes one from getRandomValues where randomUUID is missing (plain HTTP)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => real.getRandomValues(bytes) });
    const ids = Array.from({ length: 100 }, newVisitId);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(100);
  });
});
