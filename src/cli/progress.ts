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

/** Progress through a file: a bar over its bytes with the rows read so far; a line per tenth when output is not a terminal. */
export interface FileProgress {
  update(bytes: number, rows: number): void;
  done(): void;
}

export function fileProgress(io: Io, label: string, totalBytes: number, tty = Boolean(process.stderr.isTTY)): FileProgress {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (!tty) {
    let tenth = 0;
    return {
      update(bytes, rows) {
        const now = totalBytes > 0 ? Math.floor((10 * bytes) / totalBytes) : 10;
        if (now <= tenth) return;
        tenth = now;
        io.err(`  ${label}: ${tenth * 10}% (${mb(bytes)} of ${mb(totalBytes)}, ${rows.toLocaleString('en')} rows)\n`);
      },
      done() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: '  {label} [{bar}] {percentage}% | {done} of {size} | {rows} rows | {eta_formatted} left', stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalBytes, 0, { label, done: mb(0), size: mb(totalBytes), rows: '0' });
  return {
    update(bytes, rows) {
      bar.update(bytes, { done: mb(bytes), rows: rows.toLocaleString('en') });
    },
    done() {
      bar.stop();
    },
  };
}
