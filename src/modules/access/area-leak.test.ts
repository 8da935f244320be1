import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { openTestDb } from '../../platform/db/testing.ts';
import { JobRunner } from '../../platform/jobs/index.ts';
import { startValidationRun } from '../validation/index.ts';
import { ALL_PERMISSIONS } from './permissions.ts';
import {
  accessTestApp,
  addUser,
  type Browser,
  type DatasetRecords,
  DESA,
  importTwoQuarters,
  login,
  testClock,
} from './testing.ts';

/**
 * Walks every route the server registers, so a route added later is covered without editing this
 * file, and checks that no response carries a person or household outside the caller's area.
 */

let db: Db;
let app: FastifyInstance;
let data: Awaited<ReturnType<typeof importTwoQuarters>>;
const routes: RouteOptions[] = [];
const clock = testClock();
/** Each walk makes a few hundred requests; on a busy 2-core machine that can take a while. */
const WALK_TIMEOUT = 240_000;

beforeAll(async () => {
  db = await openTestDb();
  data = await importTwoQuarters(db);
  // Validation findings in every desa, so the walk meets the findings routes with records to guard.
  const validation = await startValidationRun(
    db,
    new JobRunner(db),
    consoleActor('test', ALL_PERMISSIONS),
    '35.19',
    {},
  );
  await validation.done;
  app = await accessTestApp(db, clock.now, { onRoute: (route) => routes.push(route) });
  await app.ready();
  await addUser(db, { username: 'op.desa', role: 'operator_desa', areas: [DESA.own] });
  await addUser(db, { username: 'pilar.kec', role: 'pilar', areas: ['35.19.01'], pillar_type: 'pkh' });
  await addUser(db, { username: 'bupati', role: 'pimpinan' });
});
afterAll(async () => {
  await app.close();
  await db.close();
});

/** Strings that identify a record: NIK, KK, names, DTSEN person and family ids. */
function markers(records: DatasetRecords): string[] {
  return [...records.niks, ...records.kks, ...records.names, ...records.personIds, ...records.familyIds];
}

const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);
/** API routes; the HEAD twins of GET routes answer the same without a body. */
const isApi = (route: RouteOptions) =>
  route.url.startsWith('/api/') &&
  !route.url.startsWith('/api/docs') &&
  !methodsOf(route).every((m) => m === 'HEAD');

/** Values to try for each path parameter: records of the caller's own area and of elsewhere. */
function candidates(route: RouteOptions, param: string): string[] {
  const schema = route.schema?.params as { properties?: Record<string, { enum?: string[] }> } | undefined;
  const enumValues = schema?.properties?.[param]?.enum;
  if (enumValues) return enumValues.map(String);
  // Two people and two households of each desa, and the first few ids of anything else (imports, jobs).
  const ids = [data.own, data.neighbour, data.other].flatMap((d) => [
    ...d.personDbIds.slice(0, 2),
    ...d.householdDbIds.slice(0, 2),
  ]);
  const id = [...new Set([1, 2, 3, ...ids])].map(String);
  const periods = ['2025-Q2', '2025-Q3'];
  const code = [DESA.own, DESA.neighbour, DESA.other, '35.19.01', '35.19.02', '35.19'];
  const byName: Record<string, string[]> = { id, from: periods, to: [...periods].reverse(), code };
  // A parameter this test does not know yet gets every kind of value.
  return byName[param] ?? [...id, ...periods, ...code];
}

/** Every concrete URL for a route pattern, one per combination of parameter values. */
function expand(route: RouteOptions): string[] {
  let urls = [route.url];
  for (const param of route.url.match(/:\w+/g) ?? []) {
    const values = candidates(route, param.slice(1));
    urls = urls.flatMap((url) => values.map((value) => url.replace(param, encodeURIComponent(value))));
  }
  return urls;
}

/** Search filters naming records of elsewhere: a filter must never widen the area. */
function queries(elsewhere: DatasetRecords): string[] {
  return [
    '',
    `?desa=${DESA.other}`,
    `?desa=${DESA.neighbour}`,
    `?nik=${elsewhere.niks[0]}`,
    `?kk=${elsewhere.kks[0]}`,
    `?name=${encodeURIComponent(elsewhere.names[0] as string)}`,
    `?familyId=${elsewhere.familyIds[0]}`,
    '?limit=500',
  ];
}

interface Walk {
  responses: { url: string; response: LightMyRequestResponse }[];
  routesCalled: Set<string>;
}

/** Calls every GET route (and every route that reveals records) as the browser's user. */
async function walk(browser: Browser, elsewhere: DatasetRecords): Promise<Walk> {
  const result: Walk = { responses: [], routesCalled: new Set() };
  for (const route of routes.filter(isApi)) {
    const methods = methodsOf(route);
    const reveals = Boolean(route.config?.revealsIdentity);
    if (!methods.includes('GET') && !reveals) continue;
    const method = methods.includes('GET') ? 'GET' : 'POST';
    // Search filters matter where there is a list to filter: routes without path parameters.
    const filters = method === 'GET' && !route.url.includes(':') ? queries(elsewhere) : [''];
    const urls = expand(route).flatMap((url) => filters.map((query) => url + query));
    const responses = await Promise.all(urls.map((url) => browser.request({ method, url })));
    responses.forEach((response, i) => {
      result.responses.push({ url: `${method} ${urls[i]}`, response });
    });
    result.routesCalled.add(`${method} ${route.url}`);
  }
  return result;
}

function leaksIn(walked: Walk, forbidden: string[], allowedDesa: string[] | null): string[] {
  const leaks: string[] = [];
  for (const { url, response } of walked.responses) {
    for (const marker of forbidden) {
      if (response.body.includes(marker)) leaks.push(`${url} -> ${marker}`);
    }
    if (allowedDesa && response.headers['content-type']?.toString().includes('json')) {
      for (const desa of desaCodesIn(JSON.parse(response.body))) {
        if (!allowedDesa.includes(desa)) leaks.push(`${url} -> a record of desa ${desa}`);
      }
    }
  }
  return leaks;
}

/** The desa of every record in a response: values of fields naming a record's desa. */
function desaCodesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) desaCodesIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (/^(desa_code|desa_from|desa_to|kode_desa)$/.test(key) && typeof field === 'string')
        found.push(field);
      else desaCodesIn(field, found);
    }
  }
  return found;
}

const seen = (walked: Walk, markersToFind: string[]) =>
  markersToFind.filter((m) => walked.responses.some(({ response }) => response.body.includes(m)));

describe('area leak', () => {
  it('covers the routes the server registers', () => {
    const api = routes.filter(isApi).map((r) => `${methodsOf(r).join(',')} ${r.url}`);
    expect(api).toEqual(
      expect.arrayContaining([
        'GET /api/persons',
        'GET /api/persons/:id',
        'GET /api/households',
        'GET /api/households/:id',
        'POST /api/persons/:id/reveal',
      ]),
    );
  });

  it(
    'a desa operator sees people and households of their desa only, by every route',
    async () => {
      const browser = await login(app, 'op.desa');
      const walked = await walk(browser, data.other);
      const forbidden = [...markers(data.other), ...markers(data.neighbour)];
      expect(leaksIn(walked, forbidden, [DESA.own])).toEqual([]);
      // The walk reached the caller's own records, so the silence above means something.
      expect(seen(walked, data.own.names).length).toBe(data.own.names.length);
      expect(walked.routesCalled.size).toBeGreaterThan(10);
    },
    WALK_TIMEOUT,
  );

  it(
    'a pilar of a kecamatan sees all its desa and nothing of another kecamatan',
    async () => {
      const browser = await login(app, 'pilar.kec');
      const walked = await walk(browser, data.other);
      expect(leaksIn(walked, markers(data.other), [DESA.own, DESA.neighbour])).toEqual([]);
      expect(seen(walked, [...data.own.names, ...data.neighbour.names])).toHaveLength(
        data.own.names.length + data.neighbour.names.length,
      );
    },
    WALK_TIMEOUT,
  );

  it(
    'pimpinan gets aggregates only: no personal row of anyone',
    async () => {
      const browser = await login(app, 'bupati');
      const walked = await walk(browser, data.other);
      const everyone = [...markers(data.own), ...markers(data.neighbour), ...markers(data.other)];
      expect(leaksIn(walked, everyone, [])).toEqual([]);
      const periods = await browser.request({ url: '/api/periods' });
      expect(periods.statusCode).toBe(200);
      const diff = await browser.request({ url: '/api/diffs/2025-Q2/2025-Q3' });
      expect(diff.json()).toMatchObject({ households: { entered: 3, left: 3 } });
    },
    WALK_TIMEOUT,
  );

  it('answers a record of another desa exactly like a record that does not exist', async () => {
    const browser = await login(app, 'op.desa');
    const otherPerson = data.other.personDbIds[0];
    const [person, missing, reveal] = await Promise.all([
      browser.request({ url: `/api/persons/${otherPerson}` }),
      browser.request({ url: '/api/persons/999999' }),
      browser.request({ method: 'POST', url: `/api/persons/${otherPerson}/reveal` }),
    ]);
    expect(person.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(reveal.statusCode).toBe(404);
  });
});
