import { resolve } from 'node:path';

/** Settings read from the environment once; everything else receives them as arguments. */
export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | undefined;
  /** Folder of the embedded database. */
  dataDir: string;
  /** Kemendagri code of the deployment's own kabupaten/kota. */
  kabupatenCode: string;
  host: string;
  port: number;
  /** Behind a reverse proxy: true, or the proxy addresses whose X-Forwarded-* headers are believed. */
  trustProxy?: boolean | string[];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const kabupatenCode = env.SINERGI_KABUPATEN ?? '35.19';
  if (!/^\d{2}\.\d{2}$/.test(kabupatenCode)) {
    throw new Error(`SINERGI_KABUPATEN must be a kabupaten code such as 35.19, got "${kabupatenCode}"`);
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.SINERGI_DATA_DIR ?? './data'),
    kabupatenCode,
    host: env.HOST ?? '127.0.0.1',
    port,
    trustProxy: trustProxyOf(env.SINERGI_TRUST_PROXY),
  };
}

function trustProxyOf(value: string | undefined): boolean | string[] {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  return value.split(',').map((address) => address.trim());
}
