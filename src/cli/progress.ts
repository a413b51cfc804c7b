// A progress bar on the terminal for long work; one summary line per step when output is not a terminal.
import cliProgress from 'cli-progress';
import type { Progress } from '../knowledge/service.ts';
import type { Io } from './shared.ts';

export function barProgress(io: Io, tty = Boolean(process.stderr.isTTY)): Progress {
  let bar: cliProgress.SingleBar | null = null;
  let label = '';
  let total = 0;
  return {
    start(l, t) {
      label = l;
      total = t;
      if (!tty) return;
      bar = new cliProgress.SingleBar(
        { format: '  {label} [{bar}] {percentage}% | {value}/{total}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
      bar.start(t, 0, { label: l.padEnd(24) });
    },
    advance(n) {
      bar?.increment(n);
    },
    done() {
      if (bar) bar.stop();
      else if (label) io.err(`  ${label}: ${total.toLocaleString('en')} done\n`);
      bar = null;
      label = '';
    },
  };
}
