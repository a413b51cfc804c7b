// The IO edge of the list importers: reads a file in batches and hands it to the format's parser (ftm.ts,
// br-mte.ts, table.ts), yielding entities and problems as it goes, so a list of a million entities takes the
// memory of a batch. Tables (and the Brazil register) are read with the supplier import's streamed CSV/XLSX
// reader.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DELIMITERS, openSupplierFile, readHead, type ReadOptions, type SupplierFile } from '../../suppliers/read.ts';
import { FileRejected } from '../../suppliers/errors.ts';
import type { WatchlistFormat } from '../types.ts';
import { BrMteParser, isBrMteHeader } from './br-mte.ts';
import type { ParseContext, Parsed } from './common.ts';
import { FTM_HELPER_LINE, FtmFacts, FtmParser } from './ftm.ts';
import { TableParser } from './table.ts';

export type { ParseContext, Parsed };

export interface ParsedBatch extends Parsed {
  bytesRead: number;
  totalBytes: number;
}

const CHUNK_BYTES = 1024 * 1024;
const LINES_PER_BATCH = 5_000;

/** Reads a list file of the given format; a file that cannot be read at all yields one error and ends. */
export async function* readWatchlistFile(path: string, format: WatchlistFormat, ctx: ParseContext): AsyncGenerator<ParsedBatch> {
  if (format === 'ftm') yield* readFtm(path, ctx);
  else yield* readTable(path, format, ctx);
}

/** Every entity and problem of a file at once (tests, small files). */
export async function parseWatchlistFile(path: string, format: WatchlistFormat, ctx: ParseContext): Promise<Parsed> {
  const out: Parsed = { entities: [], errors: [], warnings: [] };
  for await (const b of readWatchlistFile(path, format, ctx)) {
    out.entities.push(...b.entities);
    out.errors.push(...b.errors);
    out.warnings.push(...b.warnings);
  }
  return out;
}

/** Lines of a UTF-8 text file in batches, numbered from 1, with the bytes read so far. */
async function* textLines(path: string): AsyncGenerator<{ lines: { text: string; line: number }[]; bytesRead: number }> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let line = 0;
  let bytesRead = 0;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    bytesRead += (chunk as Buffer).length;
    let text = carry + decoder.decode(chunk as Buffer, { stream: true });
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const parts = text.split('\n');
    carry = parts.pop()!;
    const lines = parts.map((t) => ({ text: t, line: ++line }));
    for (let i = 0; i < lines.length; i += LINES_PER_BATCH) yield { lines: lines.slice(i, i + LINES_PER_BATCH), bytesRead };
  }
  carry += decoder.decode();
  if (carry !== '') yield { lines: [{ text: carry, line: ++line }], bytesRead };
}

/** FtM JSON lines, read twice: once for the helper entities' facts (sanctions, identifications, addresses), then for the entities. */
async function* readFtm(path: string, ctx: ParseContext): AsyncGenerator<ParsedBatch> {
  const totalBytes = (await stat(path)).size;
  const facts = new FtmFacts();
  for await (const { lines } of textLines(path)) for (const l of lines) if (FTM_HELPER_LINE.test(l.text)) facts.collect(l.text);
  const parser = new FtmParser(ctx, facts);
  for await (const { lines, bytesRead } of textLines(path)) {
    for (const l of lines) parser.line(l.text, l.line);
    yield { ...parser.take(), bytesRead, totalBytes };
  }
  parser.finish();
  yield { ...parser.take(), bytesRead: totalBytes, totalBytes };
}

/**
 * The delimiter that splits a line of the file's head into the register's header (a publisher's preamble may
 * have no delimiter at all, so the first lines cannot tell).
 */
function headerDelimiter(head: Buffer): ReadOptions['delimiter'] {
  for (const line of head.toString('utf8').split('\n')) {
    const found = DELIMITERS.find((d) => isBrMteHeader(line.split(d).map((c) => c.replace(/^\s*"|"\s*$/g, ''))));
    if (found) return found;
  }
  return undefined;
}

async function* readTable(path: string, format: 'br-mte' | 'table', ctx: ParseContext): AsyncGenerator<ParsedBatch> {
  let file: SupplierFile;
  try {
    const read: ReadOptions = { name: ctx.file, guessEncoding: true };
    file = await openSupplierFile(path, format === 'br-mte' ? { ...read, headerRow: isBrMteHeader, delimiter: headerDelimiter(await readHead(path, 64 * 1024)) } : read);
  } catch (err) {
    if (!(err instanceof FileRejected)) throw err;
    const hint = format === 'br-mte' ? ' (the register\'s header names ID, Empregador and CNPJ/CPF among its columns)' : '';
    yield { entities: [], errors: [{ file: ctx.file, line: 1, field: null, value: null, message: `${err.problems.join('; ')}${hint}` }], warnings: [], bytesRead: 0, totalBytes: 0 };
    return;
  }
  const parser = format === 'br-mte' ? new BrMteParser(ctx, file.headers, file.headerLine, file.preamble) : new TableParser(ctx, file.headers, file.headerLine);
  try {
    for await (const batch of file.batches) {
      for (const rec of batch) parser.record(rec);
      yield { ...(parser instanceof BrMteParser ? parser.issues() : parser.take()), bytesRead: file.bytesRead(), totalBytes: file.totalBytes };
    }
  } finally {
    await file.close();
  }
  yield { ...(parser instanceof BrMteParser ? parser.finish() : parser.take()), bytesRead: file.totalBytes, totalBytes: file.totalBytes };
}
