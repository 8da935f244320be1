import { Command } from 'commander';
import { DEMO_PASSWORD, demoUsersPresent } from '../../modules/access/index.ts';
import { loadConfig } from '../../platform/config.ts';
import { buildApp } from '../../server/app.ts';
import { openAppContext } from '../../server/context.ts';
import { loadDemoIfEmpty } from '../demo-loader.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description('Jalankan server / start the server')
    .option('--demo', 'load the demo district into an empty database (default on the embedded database)')
    .option('--no-demo', 'never load the demo district')
    .option('--demo-size <people>', 'people in the demo district', (v) => Number.parseInt(v, 10), 40_000)
    .action(async (options: { demo?: boolean; demoSize: number }) => {
      const config = loadConfig();
      const context = await openAppContext(config);
      const wantsDemo = options.demo ?? !config.databaseUrl;
      if (wantsDemo) await loadDemoIfEmpty(context, options.demoSize);
      const app = await buildApp(context, { logger: Boolean(process.env.SINERGI_LOG) });
      const close = async () => {
        await app.close();
        await context.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      const address = await app.listen({ host: config.host, port: config.port });
      const where = config.databaseUrl ? 'PostgreSQL' : `PGlite di ${config.dataDir}`;
      console.log(`Sinergi berjalan di ${address} (basis data: ${where})`);
      console.log(`API: ${address}/api/docs`);
      const demoUsers = await demoUsersPresent(context.db);
      if (demoUsers.length > 0) console.log(`Pengguna demo / demo users (kata sandi: ${DEMO_PASSWORD}):`);
      for (const user of demoUsers) {
        console.log(
          `  ${user.username.padEnd(16)} ${user.role}${user.areas.length ? ` (${user.areas.join(', ')})` : ''}`,
        );
      }
    });
}
