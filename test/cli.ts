// Runs the `vigil` command in-process, as a user would type it, and captures what it prints.
import { main } from '../src/cli/main.ts';

export async function runVigil(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['node', 'vigil', ...args], { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}
