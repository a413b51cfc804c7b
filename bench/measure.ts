// What the benchmarks share: progress bars on stderr, peak-memory sampling and the way figures are printed.
import cliProgress from 'cli-progress';

export const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);
export const count = (n: number) => n.toLocaleString('en');

/** A bar on stderr when it is a terminal; otherwise a line per tenth, so logs of piped runs stay short. */
export function bar(label: string, total: number) {
  if (!process.stderr.isTTY) {
    const start = performance.now();
    let tenth = 0;
    return {
      update(n: number) {
        const now = total > 0 ? Math.floor((10 * n) / total) : 10;
        if (now <= tenth) return;
        tenth = now;
        process.stderr.write(`  ${label}: ${tenth * 10}% (${n.toLocaleString('en')} of ${total.toLocaleString('en')}, ${((performance.now() - start) / 1000).toFixed(0)} s)\n`);
      },
      stop() {},
    };
  }
  const b = new cliProgress.SingleBar(
    { format: `  ${label.padEnd(22)} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  b.start(total, 0);
  return { update: (n: number) => b.update(n), stop: () => b.stop() };
}

/**
 * Peak resident memory of this process: sampled every 50 ms (and whenever `sample()` is called, e.g. after
 * each batch), and never below the kernel's own high-water mark.
 */
export function rssSampler() {
  let peak = process.memoryUsage.rss();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 50);
  return {
    sample,
    /** Starts a new measurement from the current RSS (the kernel's high-water mark is not reset). */
    reset() {
      peak = process.memoryUsage.rss();
    },
    get peak() {
      sample();
      return peak;
    },
    /** The process's peak RSS since it started, as the kernel counted it. */
    get processPeak() {
      return Math.max(peak, process.resourceUsage().maxRSS * 1024);
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * Memory in use after a full collection — the JavaScript heap plus memory outside it (typed arrays' buffers)
 * — when node runs with --expose-gc; null otherwise.
 */
export function settledMemory(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}
