#!/usr/bin/env node
// Runs node:test over an explicit file list per suite (Node 20's --test does not expand globs, and with no
// files it passes silently), and fails when a requested suite finds no test file.
//   unit   *.test.ts that need nothing but Node           db     *.db.test.ts (PGlite, or DATABASE_URL)
//   http   *.http.test.ts (API in-process)                  e2e    e2e/*.e2e.test.ts (built app + Chromium)
//   shared *.shared.test.ts (need ../shared/reference)     web    *.web.test.ts (web app logic)
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const kinds = ['db', 'http', 'e2e', 'shared', 'web'];
const suites = process.argv.slice(2);
if (suites.length === 0) suites.push('unit');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

const all = ['src', 'scripts', 'test', 'e2e', 'web'].flatMap((d) => {
  try { return walk(join(root, d)); } catch { return []; }
});
const kindOf = (f) => kinds.find((k) => f.endsWith(`.${k}.test.ts`)) ?? 'unit';
const files = all.filter((f) => suites.includes(kindOf(f))).sort();
if (files.length === 0) {
  console.error(`no test files found for suite(s): ${suites.join(', ')}`);
  process.exit(1);
}
const args = ['--import', 'tsx', '--test', '--test-concurrency=2', ...files];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
process.exit(r.status ?? 1);
