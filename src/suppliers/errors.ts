// The one error a supplier file earns as a whole (as opposed to the row issues its lines earn): the file
// cannot be used at all, so nothing is imported and the user is told which file and what to change.
import { basename } from 'node:path';

export class FileRejected extends Error {
  /** The file's name as the user knows it (no directories). */
  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string | string[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    const name = basename(file);
    super(`${name} cannot be used: ${list.join('; ')}`);
    this.name = 'FileRejected';
    this.file = name;
    this.problems = list;
  }
}
