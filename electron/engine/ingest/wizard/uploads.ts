import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_UPLOAD_BYTES, type UploadInfo } from '../../../../shared/api/imports';
import { WatchpostError } from '../../../../shared/api/result';

/** An upload nobody touched for this long is dropped (the browser went away mid-upload). */
const ABANDONED_MS = 60 * 60_000;
const STALE_MS = 24 * 3600_000;

interface Upload {
  id: string;
  name: string;
  /** `<root>/<id>/<name>`: the file keeps its own name, which format detection and messages use. */
  file: string;
  size: number;
  complete: boolean;
  touchedAt: number;
}

export interface UploadChunk {
  upload?: string;
  name: string;
  offset: number;
  data: string;
  done: boolean;
}

/**
 * Files the operator picked in a browser, which has no file paths to give: received in base64 chunks
 * into a folder of their own and deleted once imported or discarded. Names are reduced to a plain
 * file name, so nothing is ever written outside that folder.
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();
  private readonly base: string;
  private session: string | null = null;

  /** `dataDir` null: a throw-away workspace, whose uploads go to the system's temp folder. */
  constructor(dataDir: string | null) {
    this.base = dataDir ? path.join(path.resolve(dataDir), 'uploads') : tmpdir();
  }

  /** This engine's own folder, made on the first upload; another engine on the workspace has its own. */
  private root(): string {
    if (this.session) return this.session;
    mkdirSync(this.base, { recursive: true, mode: 0o700 });
    removeStale(this.base, Date.now());
    this.session = mkdtempSync(path.join(this.base, 'watchpost-uploads-'));
    return this.session;
  }

  receive(chunk: UploadChunk, now = Date.now()): UploadInfo {
    this.dropAbandoned(now);
    const bytes = Buffer.from(chunk.data, 'base64');
    let upload = chunk.upload ? this.uploads.get(chunk.upload) : undefined;
    if (chunk.upload && !upload) throw notFound(chunk.upload);
    if (!upload) {
      if (chunk.offset !== 0) throw new WatchpostError('invalid_input', 'a new upload starts at offset 0');
      const id = randomUUID();
      const name = safeFileName(chunk.name);
      const dir = path.join(this.root(), id);
      mkdirSync(dir, { mode: 0o700 });
      upload = { id, name, file: path.join(dir, name), size: 0, complete: false, touchedAt: now };
      writeFileSync(upload.file, '', { mode: 0o600 });
      this.uploads.set(id, upload);
    }
    if (upload.complete) throw new WatchpostError('conflict', `the upload of ${upload.name} is already complete`);
    if (chunk.offset !== upload.size) {
      throw new WatchpostError(
        'conflict',
        `the upload of ${upload.name} expected the chunk at byte ${upload.size}, not ${chunk.offset}; start again`,
      );
    }
    if (upload.size + bytes.length > MAX_UPLOAD_BYTES) {
      this.discard(upload.id);
      throw new WatchpostError(
        'invalid_input',
        `${upload.name} is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB: import it with 'watchpost import' instead`,
      );
    }
    appendFileSync(upload.file, bytes);
    upload.size += bytes.length;
    upload.touchedAt = now;
    upload.complete = chunk.done;
    return info(upload);
  }

  /** The file of a complete upload, for preview and import. */
  file(id: string): { file: string; name: string; size: number } {
    const upload = this.uploads.get(id);
    if (!upload) throw notFound(id);
    if (!upload.complete) throw new WatchpostError('conflict', `the upload of ${upload.name} is not complete yet`);
    upload.touchedAt = Date.now();
    return { file: upload.file, name: upload.name, size: upload.size };
  }

  discard(id: string): boolean {
    const upload = this.uploads.get(id);
    if (!upload) return false;
    this.uploads.delete(id);
    rmSync(path.dirname(upload.file), { recursive: true, force: true });
    return true;
  }

  /** Removes every upload and this engine's folder (the workspace closes). */
  clear(): void {
    this.uploads.clear();
    if (this.session) rmSync(this.session, { recursive: true, force: true });
    this.session = null;
  }

  /** Uploads still on disk, for tests that check nothing is left behind. */
  leftovers(): string[] {
    return this.session && existsSync(this.session) ? readdirSync(this.session) : [];
  }

  private dropAbandoned(now: number): void {
    for (const upload of this.uploads.values()) {
      if (now - upload.touchedAt > ABANDONED_MS) this.discard(upload.id);
    }
  }
}

function info(upload: Upload): UploadInfo {
  return { upload: upload.id, name: upload.name, size: upload.size, complete: upload.complete };
}

function notFound(id: string): WatchpostError {
  return new WatchpostError(
    'not_found',
    `there is no upload ${id} (it was imported, discarded or expired): pick the file again`,
  );
}

/** Folders of engines that stopped without cleaning up (a crash, a kill): older than a day, nobody uses them. */
function removeStale(base: string, now: number): void {
  for (const entry of readdirSync(base)) {
    if (!entry.startsWith('watchpost-uploads-')) continue;
    const folder = path.join(base, entry);
    try {
      if (now - statSync(folder).mtimeMs > STALE_MS) rmSync(folder, { recursive: true, force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** The last part of a name, without characters a file system refuses or reads as a path. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'upload';
}
