// The `vigil` command line: serve, db migrate, data list|import|verify|activate, audit verify, import. Each
// capability adds its commands here; the work itself lives in the capability's service.
import { Command, CommanderError } from 'commander';
import { startVigil, prepareDatabase } from '../app.ts';
import { loadConfig, redactUrl } from '../config.ts';
import { auditCommands } from '../audit/cli.ts';
import { dataCommands } from '../knowledge/cli.ts';
import { importCommand } from '../suppliers/cli.ts';
import { assessCommand } from '../assess/cli.ts';
import { screenCommand } from '../screening/cli.ts';
import { watchlistCommands } from '../watchlists/cli.ts';
import { compareCommand } from '../match/cli.ts';
import { barProgress } from './progress.ts';
import { CliError, dataDirOption, type Io, stdio } from './shared.ts';

export function program(io: Io = stdio): Command {
  const cli = new Command('vigil')
    .description('Vigil: keep human trafficking and forced labour out of what you buy.')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  cli
    .command('serve')
    .description('Serve the web app and API (embedded database unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'port to listen on (env PORT)', (v) => Number(v))
    .option('--host <host>', 'address to listen on (env HOST)')
    .option('--demo', 'load the demo organisation (fictional) that the first administrator joins')
    .addOption(dataDirOption())
    .action(async (opts: { port?: number; host?: string; dataDir?: string; demo?: boolean }) => {
      const config = loadConfig(opts);
      io.err(`Opening ${config.databaseUrl ? `PostgreSQL at ${redactUrl(config.databaseUrl)}` : `embedded database in ${config.dataDir}`}\n`);
      const vigil = await startVigil({ ...opts, logger: true, progress: barProgress(io) });
      io.out(`\nVigil is running at ${vigil.url}\n  API docs: ${vigil.url}/api/docs\n`);
      if (vigil.setupLink) {
        // Printed to the console of whoever started Vigil, never to the log: it works once, and only until the next start.
        io.out(`\n  No administrator yet. Open this one-time link to create the first one:\n\n    ${vigil.setupLink}\n`);
      }
      io.out('\n  Press Ctrl+C to stop.\n');
      await new Promise<void>((resolve) => {
        const stop = () => void vigil.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  const db = cli.command('db').description('Database administration');
  db.command('migrate')
    .description('Apply pending migrations and load bundled reference data not yet loaded')
    .addOption(dataDirOption())
    .action(async (opts: { dataDir?: string }) => {
      const config = loadConfig(opts);
      const { db: handle, migrated } = await prepareDatabase(config, barProgress(io));
      await handle.close();
      io.out(migrated.length ? `Applied ${migrated.length} migration(s): ${migrated.join(', ')}\n` : 'The database schema is up to date.\n');
    });

  cli.addCommand(dataCommands(io));
  cli.addCommand(auditCommands(io));
  cli.addCommand(importCommand(io));
  cli.addCommand(assessCommand(io));
  cli.addCommand(screenCommand(io));
  cli.addCommand(watchlistCommands(io));
  cli.addCommand(compareCommand(io));
  return cli;
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  try {
    await program(io).parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof CliError) {
      io.err(`${err.message}\n`);
      return err.exitCode;
    }
    io.err(`vigil: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
