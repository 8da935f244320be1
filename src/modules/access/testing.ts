import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { consoleActor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Config, loadConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/index.ts';
import { JobRunner } from '../../platform/jobs/index.ts';
import { buildApp } from '../../server/app.ts';
import { runImport } from '../registry/import/import.service.ts';
import { householdRows, writeCsv } from '../registry/import/test-fixtures.ts';
import type { ImportRow } from '../registry/index.ts';
import { authenticator } from './authenticate.ts';
import { ALL_PERMISSIONS } from './permissions.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './policy.ts';
import { createUser, type NewUser } from './users.service.ts';

export const TEST_PASSWORD = 'uji-coba-2025';

/** A clock that stands still until a test moves it. */
export function testClock(start = '2025-10-01T08:00:00Z') {
  let now = new Date(start).getTime();
  return {
    now: (() => new Date(now)) as Clock,
    advance(seconds: number) {
      now += seconds * 1000;
    },
  };
}

/** The real server with the real authentication, on a test database and a test clock. */
export async function accessTestApp(
  db: Db,
  clock: Clock,
  options: { onRoute?: (route: RouteOptions) => void; config?: Partial<Config> } = {},
) {
  return buildApp(
    {
      db,
      config: { ...loadConfig({}), ...options.config },
      jobs: new JobRunner(db),
      authenticate: authenticator(db, clock),
      clock,
    },
    { onRoute: options.onRoute },
  );
}

export async function addUser(db: Db, user: Partial<NewUser> & { username: string; role: string }) {
  return createUser(
    db,
    consoleActor('test', ALL_PERMISSIONS),
    { full_name: user.username, password: TEST_PASSWORD, areas: [], ...user },
    '35.19',
  );
}

/** A logged-in browser at an address of its own: sends the session cookie, and the CSRF token. */
export interface Browser {
  cookie: string;
  csrf: string;
  me: Record<string, unknown>;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let clients = 0;

/** A client address of its own for each login, so the per-address login rate limit stays out of the way. */
export function nextClientAddress(): string {
  clients++;
  return `198.51.${(clients >> 8) & 255}.${clients & 255}`;
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Browser> {
  const address = nextClientAddress();
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: address,
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value as string;
  const me = response.json();
  return {
    cookie,
    csrf: me.csrf_token,
    me,
    request: (options) =>
      app.inject({
        ...options,
        remoteAddress: address,
        cookies: { [SESSION_COOKIE]: cookie },
        headers: { [CSRF_HEADER]: me.csrf_token, ...options.headers },
      }),
  };
}

export const DESA = {
  /** The desa operator's own desa. */
  own: '35.19.01.2001',
  /** Another desa of the same kecamatan (35.19.01): a kecamatan pilar sees it, the desa operator not. */
  neighbour: '35.19.01.2002',
  /** A desa of another kecamatan (35.19.02): nobody scoped to 35.19.01 sees it. */
  other: '35.19.02.2001',
} as const;

/** Household numbers per desa: 1xx own, 2xx neighbour, 3xx other, so no name or id is a substring of another. */
const HOUSEHOLDS: Record<keyof typeof DESA, number[]> = {
  own: [101, 102, 103],
  neighbour: [201, 202, 203],
  other: [301, 302, 303],
};

export interface DatasetRecords {
  niks: string[];
  kks: string[];
  names: string[];
  personIds: string[];
  familyIds: string[];
  personDbIds: number[];
  householdDbIds: number[];
}

/**
 * Two quarters of a small district imported through the registry's importer: three households in
 * each of three desa in 2025-Q2; in 2025-Q3 the third household of each desa leaves and a fourth
 * enters. One rejected row per desa keeps the rejects routes busy.
 */
export async function importTwoQuarters(db: Db): Promise<Record<keyof typeof DESA, DatasetRecords>> {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-access-test-'));
  const rows = (period: 'Q2' | 'Q3') =>
    (Object.keys(DESA) as (keyof typeof DESA)[]).flatMap((key) => {
      const [a, b, c] = HOUSEHOLDS[key] as [number, number, number];
      const numbers = period === 'Q2' ? [a, b, c] : [a, b, c + 1];
      const households = numbers.flatMap((n) => householdRows(n, { kode_desa: DESA[key] }));
      const reject: ImportRow = { ...(households[0] as ImportRow), id_individu: `X-${a}`, nik: '12' };
      return [...households, reject];
    });
  for (const period of ['Q2', 'Q3'] as const) {
    const path = writeCsv(join(dir, `${period}.csv`), rows(period));
    await runImport(db, {
      path,
      fileName: `${period}.csv`,
      period: `2025-${period}`,
      createdBy: 'test',
      kabupatenCode: '35.19',
    });
  }
  const all = [...rows('Q2'), ...rows('Q3')];
  const records = async (desa: string): Promise<DatasetRecords> => {
    const mine = all.filter((row) => row.kode_desa === desa && row.nik !== '12');
    const persons = await db.query<{ id: number }>('SELECT id FROM persons WHERE desa_code = $1', [desa]);
    const households = await db.query<{ id: number }>('SELECT id FROM households WHERE desa_code = $1', [
      desa,
    ]);
    return {
      niks: unique(mine.map((row) => row.nik)),
      kks: unique(mine.map((row) => row.no_kk)),
      names: unique(mine.map((row) => row.nama)),
      personIds: unique(mine.map((row) => row.id_individu)),
      familyIds: unique(mine.map((row) => row.id_keluarga)),
      personDbIds: persons.map((p) => p.id),
      householdDbIds: households.map((h) => h.id),
    };
  };
  return {
    own: await records(DESA.own),
    neighbour: await records(DESA.neighbour),
    other: await records(DESA.other),
  };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
