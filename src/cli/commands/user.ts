import { Command } from 'commander';
import { createUser, PILLAR_TYPES } from '../../modules/access/index.ts';
import { loadConfig } from '../../platform/config.ts';
import { openAppContext } from '../../server/context.ts';
import { cliActor } from '../cli-actor.ts';
import { readPassword } from '../read-password.ts';

interface AddOptions {
  role: string;
  username: string;
  name: string;
  area: string[];
  pillarType?: string;
  agency?: string;
}

/** `sinergi user add`: the first admin is made here; admins manage everyone else over the API. */
export function userCommand(): Command {
  const user = new Command('user').description('Kelola pengguna / manage users');
  user
    .command('add')
    .description('Tambah pengguna / add a user (the password is asked for, or read from stdin)')
    .requiredOption(
      '--role <role>',
      'admin, operator_kabupaten, operator_desa, pilar, slrt, opd, pimpinan, auditor',
    )
    .requiredOption('--username <username>', 'login name: lowercase letters, digits, dot, underscore, hyphen')
    .requiredOption('--name <full name>', 'full name')
    .option(
      '--area <code>',
      'desa or kecamatan code for scoped roles (repeatable), e.g. 35.19.01.2001',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--pillar-type <type>', `for a pilar: ${PILLAR_TYPES.join(', ')}`)
    .option('--agency <agency>', 'for an OPD partner: the agency, e.g. Dinas Kesehatan')
    .action(async (options: AddOptions) => {
      const password = await readPassword(`Kata sandi untuk ${options.username} / password`);
      const context = await openAppContext(loadConfig());
      try {
        const created = await createUser(
          context.db,
          cliActor(),
          {
            username: options.username,
            full_name: options.name,
            role: options.role,
            password,
            areas: options.area,
            pillar_type: options.pillarType ?? null,
            agency: options.agency ?? null,
          },
          context.config.kabupatenCode,
        );
        const areas = created.areas.map((a) => `${a.name} (${a.code})`).join(', ');
        console.log(
          `Pengguna ${created.username} (#${created.id}) dibuat dengan peran ${created.role}` +
            (areas ? `, wilayah: ${areas}` : ''),
        );
      } finally {
        await context.close();
      }
    });
  return user;
}
