// Reads a supplier or spend file (CSV or XLSX) as a stream of raw records, a batch at a time, so a file of a
// million lines takes the memory of a few thousand. Every record knows the physical line (CSV) or worksheet
// row (XLSX) it starts on, and carries what was wrong with how it was written (bytes that are not UTF-8, a
// cell too many) as row issues; the file as a whole is refused with FileRejected only when nothing in it can
// be used (empty, no header, not a workbook). This is the IO edge; columns.ts and validate.ts are pure.
import { createReadStream, ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { pipeline, Transform, type Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { parse as csvParse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { DecimalSeparator } from './amount.ts';
import { FileRejected } from './errors.ts';
import type { RawRecord, RowIssue } from './line.ts';

export type { RawRecord };

export type FileFormat = 'csv' | 'xlsx';
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'latin1', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface ReadOptions {
  /** Overrides recognition by extension and content. */
  format?: FileFormat;
  /** The CSV's encoding when it has no byte-order mark; UTF-8 (checked line by line) by default. */
  encoding?: TextEncoding;
  /** The CSV's delimiter; recognised from the first lines by default. */
  delimiter?: Delimiter;
  /** XLSX worksheet, by name (any case) or 1-based position in the workbook; the first one by default. */
  sheet?: string | number;
  /** The file's name as the user knows it (an upload's original name), for messages; the path's by default. */
  name?: string;
  /** A CSV without a byte-order mark whose first 64 KB are not UTF-8 is read as Windows-1252 (publishers' Latin-1 exports). */
  guessEncoding?: boolean;
  /** The header is the first row this accepts (default: the first non-blank row); the rows before it are the preamble. */
  headerRow?: (cells: readonly string[]) => boolean;
}

export interface SupplierFile {
  format: FileFormat;
  /** Header cells, trimmed; an empty one is named "Column N" (CSV) or "Column C" (XLSX), a repeated one "Name (2)". */
  headers: string[];
  /** Line or worksheet row of the header. */
  headerLine: number;
  /** Non-blank rows before the header (a title, an edition date, a section heading), when ReadOptions.headerRow skipped them. */
  preamble: { line: number; cells: string[] }[];
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  sheet: string | null;
  /** The workbook's worksheets in tab order, to choose another (empty for CSV). */
  sheets: string[];
  /** How the file writes decimals where an amount alone cannot tell: ',' for a semicolon CSV, '.' for XLSX numbers. */
  decimalSeparator: DecimalSeparator | null;
  totalBytes: number;
  /** Bytes of the file consumed so far, for a progress bar against totalBytes. */
  bytesRead(): number;
  /**
   * The data rows in batches of up to 1,000, in file order: the way to read a large file (one await per batch,
   * not per row, and a batch is what a database insert takes). Read either batches or records, once.
   * Leaving the loop early closes the file.
   */
  batches: AsyncIterable<RawRecord[]>;
  /** The same rows one by one. */
  records: AsyncIterable<RawRecord>;
  /** Closes the file when records are not read to the end. */
  close(): Promise<void>;
}

export interface FilePreview {
  format: FileFormat;
  headers: string[];
  /** The first data rows, as cell text in header order. */
  sample: string[][];
  totalBytes: number;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  sheet: string | null;
  sheets: string[];
}

export const INVALID_UTF8 = 'invalid UTF-8 byte sequence; save the file as UTF-8 or pass --encoding windows-1252';
const PREVIEW_ROWS = 10;
/** Rows searched for the header when ReadOptions.headerRow is given: a publisher's preamble is a few lines. */
const MAX_PREAMBLE = 100;
const CHUNK_BYTES = 64 * 1024;
const HEAD_BYTES = 64 * 1024;
/** A record longer than this is a quote that never closes, not data; reading stops instead of buffering the file. */
const MAX_RECORD_CHARS = 1_000_000;

/** A physical row before headers are applied. */
interface SourceRow {
  line: number;
  cells: string[];
  /** Lines of the row that were not valid UTF-8. */
  badLines: readonly number[];
  /** Set when the file could not be read from here on; the row has no cells. */
  fatal: string | null;
}

interface Source {
  /** Physical rows in batches (an await per row would cost more than reading it). */
  rows: AsyncGenerator<SourceRow[]>;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  sheet: () => string | null;
  /** The workbook's worksheets, in tab order (none for CSV). */
  sheets: () => string[];
  bytesRead: () => number;
  /** Column label for an unnamed header. */
  columnLabel: (index: number) => string;
  /** CSV rows must have the header's cell count (a missing or extra separator shifts every value after it). */
  strictWidth: boolean;
}

const BATCH = 1000;

const isBlank = (r: SourceRow) => r.fatal === null && r.cells.every((c) => c.trim() === '');

/** Opens a supplier file and reads its header; the records are read as they are iterated. */
export async function openSupplierFile(path: string, opts: ReadOptions = {}): Promise<SupplierFile> {
  const name = opts.name ?? basename(path);
  const totalBytes = (await stat(path)).size;
  if (totalBytes === 0) throw new FileRejected(name, 'the file is empty');
  const head = await readHead(path, HEAD_BYTES);
  const format = opts.format ?? detectFormat(head, name);
  const source = format === 'xlsx' ? xlsxSource(path, name, opts.sheet) : csvSource(path, head, opts);
  let header: SourceRow | undefined;
  let rest: SourceRow[] = [];
  const preamble: { line: number; cells: string[] }[] = [];
  const noHeader = () => new FileRejected(name, `none of its first ${preamble.length} non-blank rows is the expected header row`);
  try {
    while (!header) {
      const next = await source.rows.next();
      if (next.done) {
        if (preamble.length > 0) throw noHeader();
        throw new FileRejected(name, format === 'xlsx' ? `the worksheet "${source.sheet()}" is empty` : 'the file has no header row (it is blank)');
      }
      for (let at = 0; at < next.value.length && !header; at++) {
        const r = next.value[at]!;
        if (isBlank(r)) continue;
        if (r.fatal !== null || !opts.headerRow || opts.headerRow(r.cells)) {
          header = r;
          rest = next.value.slice(at + 1);
        } else if (preamble.push({ line: r.line, cells: r.cells }) >= MAX_PREAMBLE) throw noHeader();
      }
    }
    if (header.fatal) throw new FileRejected(name, `line ${header.line}: ${header.fatal}`);
    if (header.badLines.length > 0) throw new FileRejected(name, `line ${header.badLines[0]} (the header): ${INVALID_UTF8}`);
  } catch (err) {
    await source.rows.return([]);
    throw err;
  }
  const headers = headerNames(header.cells, source.columnLabel);
  const batches = toBatches(source, headers, rest);
  return {
    format,
    headers,
    headerLine: header.line,
    preamble,
    encoding: source.encoding,
    delimiter: source.delimiter,
    sheet: source.sheet(),
    sheets: source.sheets(),
    decimalSeparator: format === 'xlsx' ? '.' : source.delimiter === ';' ? ',' : null,
    totalBytes,
    bytesRead: source.bytesRead,
    batches,
    records: oneByOne(batches),
    close: async () => {
      await batches.return([]);
      await source.rows.return([]);
    },
  };
}

async function* oneByOne<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

/** The headers and first rows of a file, for the mapping step; reads no further than it needs. */
export async function previewFile(path: string, opts: ReadOptions = {}): Promise<FilePreview> {
  const file = await openSupplierFile(path, opts);
  const sample: string[][] = [];
  try {
    for await (const r of file.records) {
      sample.push(file.headers.map((h) => r.cells[h] ?? ''));
      if (sample.length === PREVIEW_ROWS) break;
    }
  } finally {
    await file.close();
  }
  const { format, headers, totalBytes, encoding, delimiter, sheet, sheets } = file;
  return { format, headers, sample, totalBytes, encoding, delimiter, sheet, sheets };
}

/** Header cells named: trimmed, trailing empty ones dropped, empty ones labelled, repeated ones numbered. */
function headerNames(cells: readonly string[], label: (index: number) => string): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.trim() === '') n--;
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = cells[i]!.replace(/\s+/g, ' ').trim() || label(i);
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    out.push(count === 1 ? base : `${base} (${count})`);
  }
  return out;
}

function issue(row: number, line: number, message: string, severity: RowIssue['severity'] = 'error', column: string | null = null, value: string | null = null): RowIssue {
  return { row, line, column, field: null, value, message, severity };
}

const NO_ISSUES: readonly RowIssue[] = Object.freeze([]);
const NO_LINES: readonly number[] = Object.freeze([]);

/** Physical rows to records: blank rows skipped, cells named by header, how each row was written checked. */
async function* toBatches(source: Source, headers: readonly string[], first: SourceRow[]): AsyncGenerator<RawRecord[]> {
  let row = 0;
  const toRecord = (r: SourceRow): RawRecord => {
    row++;
    const cells: Record<string, string> = {};
    if (r.fatal) {
      for (const h of headers) cells[h] = '';
      return { line: r.line, row, cells, issues: [issue(row, r.line, r.fatal)] };
    }
    for (let i = 0; i < headers.length; i++) cells[headers[i]!] = r.cells[i] ?? '';
    let issues: RowIssue[] | null = null;
    if (source.strictWidth && r.cells.length < headers.length) {
      (issues ??= []).push(issue(row, r.line, `${r.cells.length} cell${r.cells.length === 1 ? '' : 's'} where the header has ${headers.length}: a separator is missing or the line is cut off, so the cells cannot be matched to columns`));
    } else if (r.cells.length > headers.length) {
      const extra = r.cells.slice(headers.length).filter((c) => c.trim() !== '');
      if (extra.length > 0) {
        (issues ??= []).push(
          source.strictWidth
            ? issue(row, r.line, `${r.cells.length} cells where the header has ${headers.length}: a stray separator shifts the cells, so they cannot be matched to columns`)
            : issue(row, r.line, `${extra.length} cell${extra.length === 1 ? '' : 's'} to the right of the last header ignored`, 'warning', null, extra.join(' | ')),
        );
      }
    }
    for (const bad of r.badLines) {
      const column = headers.find((h) => cells[h]!.includes('\uFFFD')) ?? null;
      (issues ??= []).push(issue(row, bad, INVALID_UTF8, 'error', column, column === null ? null : cells[column]!));
    }
    return { line: r.line, row, cells, issues: issues ?? NO_ISSUES };
  };
  const convert = (batch: SourceRow[]): { records: RawRecord[]; fatal: boolean } => {
    const records: RawRecord[] = [];
    for (const r of batch) {
      if (isBlank(r)) continue;
      records.push(toRecord(r));
      if (r.fatal) return { records, fatal: true };
    }
    return { records, fatal: false };
  };
  try {
    let out = convert(first);
    if (out.records.length > 0) yield out.records;
    if (out.fatal) return;
    for await (const batch of source.rows) {
      out = convert(batch);
      if (out.records.length > 0) yield out.records;
      if (out.fatal) return;
    }
  } finally {
    await source.rows.return([]);
  }
}

/**
 * Everything a readable stream has buffered, in batches: one await per batch instead of one per item (with
 * async hooks on, as under a test runner or a tracing agent, an await per row costs more than parsing it).
 */
async function* readBatches(stream: Readable, max: number): AsyncGenerator<unknown[]> {
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  stream.on('readable', notify);
  stream.on('end', () => {
    ended = true;
    notify();
  });
  stream.on('close', () => {
    ended = true;
    notify();
  });
  stream.on('error', (err) => {
    failure ??= err;
    notify();
  });
  for (;;) {
    const batch: unknown[] = [];
    let item: unknown;
    while (batch.length < max && (item = stream.read()) !== null) batch.push(item);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (failure !== null) throw failure;
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Format

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * CSV or XLSX: the content decides when it is decisive (a zip is a workbook, whatever its name), then the
 * extension. Legacy .xls and HTML saved under a spreadsheet name are refused with what to do instead.
 */
function detectFormat(bytes: Buffer, name: string): FileFormat {
  if (bytes.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (bytes.subarray(0, 8).equals(OLE2)) throw new FileRejected(name, 'it is a legacy Excel 97-2003 workbook (.xls); save it as .xlsx or CSV');
  const ext = extname(name).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') throw new FileRejected(name, `it is named ${ext} but is not an Excel workbook (not a zip archive)`);
  const text = bytes.subarray(0, 512).toString('latin1').replace(/^\uFEFF|^ï»¿/, '').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.startsWith('<table')) {
    throw new FileRejected(name, 'it is a web page (HTML), not a spreadsheet; open it in a spreadsheet program and save it as .xlsx or CSV');
  }
  return 'csv';
}

/** The first bytes of a file: enough to tell its format, encoding, line breaks and delimiter. */
export async function readHead(path: string, size: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(size);
    const { bytesRead } = await fh.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/** The encoding a BOM announces, and its length. */
function byteOrderMark(b: Buffer): { encoding: TextEncoding; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The bytes up to the last line break: a sample cut there ends on no partial character. */
function wholeLines(b: Buffer): Buffer {
  const end = b.lastIndexOf(0x0a);
  return end < 0 ? b : b.subarray(0, end + 1);
}

/** UTF-16 without a BOM shows as a zero byte in every other position of ASCII text. */
function sniffUtf16(b: Buffer): TextEncoding | null {
  const n = Math.min(b.length, 512) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > half * 0.7 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > half * 0.7 && oddZeros === 0) return 'utf-16be';
  return null;
}

/**
 * Decodes a byte stream to text chunk by chunk. UTF-8 is checked line by line: a line with bytes that are not
 * UTF-8 is decoded with replacement characters and its number recorded, so the row it belongs to is reported
 * rather than read with mangled names. Lines are counted by `lineByte` (LF, or CR for old Mac files).
 */
class Decoder {
  /** Lines (ascending) with invalid UTF-8 not yet claimed by a row. */
  readonly badLines: number[] = [];
  private line = 1;
  private carry: Buffer | null = null;
  private readonly text: TextDecoder | null;

  constructor(
    readonly encoding: TextEncoding,
    private readonly lineByte: number,
  ) {
    this.text = encoding === 'utf-8' || encoding === 'latin1' ? null : new TextDecoder(encoding);
  }

  decode(chunk: Buffer, final: boolean): string {
    if (this.encoding === 'latin1') return chunk.toString('latin1');
    if (this.text) return this.text.decode(chunk, { stream: !final });
    let buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    if (!final) {
      const cut = incompleteTail(buf);
      if (cut < buf.length) {
        this.carry = Buffer.from(buf.subarray(cut));
        buf = buf.subarray(0, cut);
      }
    }
    if (isUtf8(buf)) this.countLines(buf, 0, buf.length);
    else this.findBadLines(buf);
    return buf.toString('utf8');
  }

  private countLines(buf: Buffer, from: number, to: number): void {
    for (let i = buf.indexOf(this.lineByte, from); i >= 0 && i < to; i = buf.indexOf(this.lineByte, i + 1)) this.line++;
  }

  private findBadLines(buf: Buffer): void {
    let start = 0;
    while (start < buf.length) {
      const nl = buf.indexOf(this.lineByte, start);
      const end = nl < 0 ? buf.length : nl + 1;
      if (!isUtf8(buf.subarray(start, end)) && this.badLines[this.badLines.length - 1] !== this.line) this.badLines.push(this.line);
      if (nl >= 0) this.line++;
      start = end;
    }
  }
}

/** Where a trailing, incomplete UTF-8 sequence starts (the buffer's length when there is none). */
function incompleteTail(b: Buffer): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const c = b[b.length - back]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? b.length - back : b.length;
  }
  return b.length;
}

/**
 * The delimiter that splits the first lines most consistently: for each candidate, the count outside quotes
 * on each of the first lines; the header must have one, and more lines agreeing with the header wins.
 */
export function detectDelimiter(sample: string): Delimiter {
  const counts = new Map<Delimiter, number[]>(DELIMITERS.map((d) => [d, []]));
  let inQuotes = false;
  let current = new Map<Delimiter, number>();
  const lines: Map<Delimiter, number>[] = [];
  for (let i = 0; i < sample.length && lines.length < 20; i++) {
    const ch = sample[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') {
      lines.push(current);
      current = new Map();
    } else if (!inQuotes && (DELIMITERS as readonly string[]).includes(ch)) current.set(ch as Delimiter, (current.get(ch as Delimiter) ?? 0) + 1);
  }
  if (lines.length < 20 && current.size > 0) lines.push(current);
  for (const l of lines) for (const d of DELIMITERS) counts.get(d)!.push(l.get(d) ?? 0);
  let best: Delimiter = ',';
  let bestScore = -1;
  // On a tie the rarer character in data wins: commas are common in names, addresses and decimal amounts.
  for (const d of ['\t', ';', '|', ','] as const) {
    const c = counts.get(d)!;
    const inHeader = c[0] ?? 0;
    if (inHeader === 0) continue;
    const agreeing = c.filter((x) => x === inHeader).length;
    const score = agreeing * 1000 + inHeader;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function csvFatal(err: unknown, endLine: number): string {
  const code = (err as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return `a quoted cell that starts on this line is never closed (a stray '"'?), so nothing from here to the end of the file (line ${endLine}) could be read`;
  if (code === 'CSV_MAX_RECORD_SIZE') return `the row starting on this line runs over ${MAX_RECORD_CHARS.toLocaleString('en')} characters, most likely a quote that is never closed; reading stopped here`;
  return `not readable as CSV (${(err as Error).message}); reading stopped here`;
}

function csvSource(path: string, head: Buffer, opts: ReadOptions): Source {
  const bom = byteOrderMark(head);
  const encoding = bom?.encoding ?? opts.encoding ?? sniffUtf16(head) ?? (opts.guessEncoding && !isUtf8(wholeLines(head)) ? 'windows-1252' : 'utf-8');
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const body = head.subarray(bom?.length ?? 0);
  const lf = utf16 || body.includes(0x0a) || !body.includes(0x0d);
  const delimiter = opts.delimiter ?? detectDelimiter(new Decoder(encoding, 0x0a).decode(body, false));
  const breakChar = lf ? '\n' : '\r';

  let bytes = bom?.length ?? 0;
  const decoder = new Decoder(encoding, lf ? 0x0a : 0x0d);
  const input = createReadStream(path, { start: bytes, highWaterMark: CHUNK_BYTES });
  const decode = new Transform({
    decodeStrings: false,
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(null, decoder.decode(chunk, false));
    },
    flush(done) {
      done(null, decoder.decode(Buffer.alloc(0), true));
    },
  });
  // A parse error (a quote never closed) is pushed into the record stream where it happened, so the rows before
  // it are still read and the error is reported on the line it starts on; reading stops there.
  let failed = false;
  const parser = csvParse({
    delimiter,
    record_delimiter: lf ? ['\r\n', '\n'] : '\r',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (failed) return;
      failed = true;
      parser.push({ error: err });
    },
  });
  // pipeline() destroys every stream when one fails; the error then ends the loop below.
  pipeline(input, decode, parser, () => undefined);

  async function* rows(): AsyncGenerator<SourceRow[]> {
    let nextLine = 1;
    const fatalRow = (err: unknown): SourceRow => ({ line: nextLine, cells: [], badLines: NO_LINES, fatal: csvFatal(err, (err as { lines?: number }).lines ?? nextLine) });
    try {
      for await (const items of readBatches(parser, BATCH)) {
        const out: SourceRow[] = [];
        for (const item of items) {
          if (!Array.isArray(item)) {
            out.push(fatalRow((item as { error: unknown }).error));
            yield out;
            return;
          }
          const fields = item as string[];
          const start = nextLine;
          let end = start;
          for (const f of fields) for (let i = f.indexOf(breakChar); i >= 0; i = f.indexOf(breakChar, i + 1)) end++;
          nextLine = end + 1;
          let badLines = NO_LINES;
          const bad = decoder.badLines;
          while (bad.length > 0 && bad[0]! <= end) {
            const l = bad.shift()!;
            if (l >= start) badLines = [...badLines, l];
          }
          out.push({ line: start, cells: fields, badLines, fatal: null });
        }
        yield out;
      }
    } catch (err) {
      yield [fatalRow(err)];
    } finally {
      input.destroy();
      parser.destroy();
    }
  }

  return {
    rows: rows(),
    encoding,
    delimiter,
    sheet: () => null,
    sheets: () => [],
    bytesRead: () => bytes,
    columnLabel: (i) => `Column ${i + 1}`,
    strictWidth: true,
  };
}

// ---------------------------------------------------------------------------------------------------------
// XLSX (exceljs's streaming reader: the worksheet is read row by row from the zip)

interface SheetEntry {
  name: string;
}
/** What exceljs's WorkbookReader knows once workbook.xml is read; its typings do not declare it. */
interface WorkbookReaderState {
  model?: { sheets?: SheetEntry[] };
}
/** exceljs's WorksheetReader: parse() gives the sheet's XML events a chunk at a time, rows among them. */
interface StreamedWorksheet {
  name: string;
  parse(): AsyncIterable<{ eventType: string; value: { number: number; values: unknown } }[]>;
}

/** exceljs's source for a worksheet: the zip entry, or the temporary file it spooled the sheet to. */
function worksheetSource(worksheet: object): unknown {
  return (worksheet as { iterator?: unknown }).iterator;
}

/** Lets go of a worksheet that is not read further (closes its temporary file, if exceljs spooled it to one). */
function discard(worksheet: object): void {
  const source = worksheetSource(worksheet);
  if (!(source instanceof ReadStream)) return;
  // exceljs removes the file as soon as the next worksheet is asked for, possibly before this stream has opened it.
  source.on('error', () => undefined);
  source.destroy();
}

/**
 * A worksheet that comes before the shared strings in the zip (as Excel writes them) is spooled by exceljs to a
 * temporary file, which it removes when asked for the next worksheet; once one is spooled, all the rest are. So
 * after the chosen sheet, the remaining ones are asked for and let go, and no file is left behind.
 */
async function releaseSpooled(worksheets: AsyncIterator<object>, last: object): Promise<void> {
  if (!(worksheetSource(last) instanceof ReadStream)) return;
  discard(last);
  try {
    for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) discard(next.value);
  } catch {
    // A damaged workbook: exceljs's own clean-up at exit removes what is left.
  }
}

function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A cell as text: numbers as Excel shows them at full precision (15 significant digits, so 0.1+0.2 is "0.3"),
 * dates as YYYY-MM-DD (with THH:MM:SS when there is a time), formulas by their result, rich text joined.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const date = `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const s = Math.round((value.getTime() % 86_400_000 + 86_400_000) % 86_400_000 / 1000);
    return s === 0 ? date : `${date}T${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: string }[]; result?: unknown; formula?: string; sharedFormula?: string; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (v.error !== undefined) return v.error;
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}

function xlsxSource(path: string, name: string, sheetOption: string | number | undefined): Source {
  let bytes = 0;
  let sheetName: string | null = null;
  const input = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const counted = input.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to tell a date from a number
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const state = reader as unknown as WorkbookReaderState;

  function wanted(ws: StreamedWorksheet, position: number): boolean {
    const sheets = state.model?.sheets ?? [];
    if (sheetOption === undefined) return sheets.length > 0 ? ws.name === sheets[0]!.name : position === 1;
    if (typeof sheetOption === 'number') return sheets.length > 0 ? ws.name === sheets[sheetOption - 1]?.name : position === sheetOption;
    return ws.name.toLowerCase() === sheetOption.trim().toLowerCase();
  }

  async function* rows(): AsyncGenerator<SourceRow[]> {
    // Iterated by hand: a for-await would close exceljs's generator on the way out, before it removes its files.
    const worksheets = (reader as unknown as AsyncIterable<object>)[Symbol.asyncIterator]();
    let position = 0;
    let target: object | null = null;
    let lastRow = 0;
    try {
      for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) {
        const ws = next.value as StreamedWorksheet;
        position++;
        if (!wanted(ws, position)) {
          discard(ws);
          continue;
        }
        target = ws;
        sheetName = ws.name;
        let batch: SourceRow[] = [];
        for await (const events of ws.parse()) {
          for (const { eventType, value: row } of events) {
            if (eventType !== 'row') continue;
            lastRow = row.number;
            const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
            const cells: string[] = [];
            for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
            batch.push({ line: row.number, cells, badLines: NO_LINES, fatal: null });
          }
          if (batch.length >= BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
        return;
      }
    } catch (err) {
      if (!target) throw new FileRejected(name, `it cannot be read as an Excel workbook (${(err as Error).message})`);
      yield [{ line: lastRow + 1, cells: [], badLines: NO_LINES, fatal: `the workbook is damaged or cut off after row ${lastRow} (${(err as Error).message}); reading stopped here` }];
      return;
    } finally {
      if (target) await releaseSpooled(worksheets, target);
      input.destroy();
      counted.destroy();
    }
    const sheets = (state.model?.sheets ?? []).map((s) => `"${s.name}"`);
    if (sheetOption !== undefined && sheets.length > 0) throw new FileRejected(name, `it has no worksheet ${typeof sheetOption === 'number' ? `number ${sheetOption}` : `"${sheetOption}"`}; its worksheets are ${sheets.join(', ')}`);
    throw new FileRejected(name, 'it has no worksheet: is it an Excel workbook (.xlsx)?');
  }

  return {
    rows: rows(),
    encoding: null,
    delimiter: null,
    sheet: () => sheetName,
    sheets: () => (state.model?.sheets ?? []).map((s) => s.name),
    bytesRead: () => bytes,
    columnLabel: (i) => `Column ${columnLetters(i)}`,
    strictWidth: false,
  };
}
