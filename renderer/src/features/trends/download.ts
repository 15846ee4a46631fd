/** Hands a file to the browser's (or Electron's) download, without a round trip through the engine. */
export function downloadFile(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL can go once the event loop turns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A data: URL (the PNG export) as a Blob. */
export function blobFromDataUrl(dataUrl: string): Blob {
  const [head = '', body = ''] = dataUrl.split(',', 2);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(body), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type });
}

/** A file name safe on every platform: `watchpost-volume-2021-01-01-2026-01-01.csv`. */
export function exportFileName(panel: string, from: string, to: string, extension: string): string {
  const day = (iso: string) => iso.slice(0, 10);
  return `watchpost-${panel}-${day(from)}-${day(to)}.${extension}`.replace(/[^a-z0-9.-]+/gi, '-');
}
