// What every command shares: where output goes, errors meant for the user, common options.
import { Option } from 'commander';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const stdio: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** A failure the user can act on: printed without a stack trace, exit code as given. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function dataDirOption() {
  return new Option('--data-dir <dir>', 'folder of the embedded database (env VIGIL_DATA_DIR; "memory" for a throwaway one)');
}

