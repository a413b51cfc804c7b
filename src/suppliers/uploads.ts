// Uploaded supplier files on disk: a request body streamed to a file (never buffered whole), size-limited,
// kept in a folder of its own under the uploads directory until it is imported or expires.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const UPLOAD_LIMIT = 200 * 1024 * 1024;
export const UPLOAD_HOURS = 24;

export class UploadTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the file is larger than ${Math.round(limit / 1024 / 1024)} MB`);
  }
}

/** A file name safe to create: no folders, no control or reserved characters, at most 150 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\p{Cc}<>:"|?*]/gu, '_').replace(/^\.+/, '').trim().slice(-150);
  return cleaned || 'upload';
}

export const newUploadId = () => randomBytes(18).toString('base64url');

/**
 * Streams body into <dir>/<id>/<file name>; past `limit` bytes it stops reading, removes what it wrote and
 * throws UploadTooLarge. The file keeps the user's name so that messages about it name it as they know it.
 */
export async function receiveUpload(body: Readable, dir: string, id: string, fileName: string, limit = UPLOAD_LIMIT): Promise<{ path: string; size: number }> {
  const folder = join(dir, id);
  const path = join(folder, safeFileName(fileName));
  await mkdir(folder, { recursive: true });
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > limit ? new UploadTooLarge(limit) : null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(path));
  } catch (err) {
    await rm(folder, { recursive: true, force: true });
    // Drain what the client still sends, so it reads the answer instead of a reset connection.
    body.resume();
    throw err;
  }
  return { path, size };
}

export async function removeUpload(dir: string, id: string): Promise<void> {
  await rm(join(dir, id), { recursive: true, force: true });
}

/** Removes upload folders not in `keep` and older than the expiry (left by expired or crashed uploads). */
export async function sweepUploads(dir: string, keep: ReadonlySet<string>, olderThan: Date): Promise<number> {
  let removed = 0;
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const name of entries) {
    if (keep.has(name)) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (info && info.mtime < olderThan) {
      await rm(join(dir, name), { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
}
