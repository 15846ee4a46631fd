import type { UploadInfo } from '../../../../shared/api/imports';
import { call } from '../../api/client';

/** Under the engine's 4 MB limit per call, after base64. */
const CHUNK_BYTES = 3 * 1024 * 1024;

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Sends a file the operator picked to the engine, which has no access to the browser's files: in
 * chunks, in order, reporting the bytes sent. An aborted upload is discarded on the engine's side.
 */
export async function uploadFile(
  file: File,
  onProgress: (sent: number) => void,
  signal?: AbortSignal,
): Promise<UploadInfo> {
  let info = null as UploadInfo | null;
  let offset = 0;
  do {
    const slice = file.slice(offset, offset + CHUNK_BYTES);
    const data = await base64Of(slice);
    if (signal?.aborted) {
      if (info) void call('ingest.discardUpload', { upload: info.upload }).catch(() => {});
      throw new DOMException('the upload was stopped', 'AbortError');
    }
    info = await call('ingest.upload', {
      upload: info?.upload,
      name: file.name,
      offset,
      data,
      done: offset + slice.size >= file.size,
    });
    offset += slice.size;
    onProgress(offset);
  } while (offset < file.size);
  return info as UploadInfo;
}
