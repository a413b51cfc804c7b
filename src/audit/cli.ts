// `vigil audit verify`: checks every hash chain; exits 1 naming the first broken entry of each chain.
import { Command } from 'commander';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { CliError, dataDirOption, type Io } from '../cli/shared.ts';
import { verifyAuditTrail } from './verify.ts';

export function auditCommands(io: Io): Command {
  const audit = new Command('audit').description('The tamper-evident audit trail');
  audit
    .command('verify')
    .description('Re-check the hash chain of every organisation\'s audit trail; exits 1 and names the first broken entry')
    .option('--json', 'print JSON')
    .addOption(dataDirOption())
    .action(async (opts: { json?: boolean; dataDir?: string }) => {
      const db = await openDatabase(loadConfig(opts));
      try {
        await migrate(db);
        const result = await verifyAuditTrail(db);
        if (opts.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
        for (const b of result.breaks) {
          io.err(`BROKEN: organisation ${b.orgId === 0 ? '0 (installation)' : b.orgId}, entry ${b.seq}: ${b.reason}\n`);
        }
        if (result.breaks.length > 0) throw new CliError(`The audit trail has been tampered with: ${result.breaks.length} chain(s) broken.`);
        if (!opts.json) io.out(`Audit trail intact: ${result.entries.toLocaleString('en')} entries in ${result.chains} chain(s).\n`);
      } finally {
        await db.close();
      }
    });
  return audit;
}
