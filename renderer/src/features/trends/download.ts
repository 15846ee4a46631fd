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
  // The browser reads the blob after the click returns: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A data: URL (the PNG export) as a Blob. */
export function blobFromDataUrl(dataUrl: string): Blob {
  const [head = '', body = ''] = dataUrl.split(',', 2);
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(body), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type });
}

/** A file name safe on every platform, with the first and last day: `watchpost-volume-2021-01-01-2025-12-31.csv`. */
export function exportFileName(panel: string, firstDay: string, lastDay: string, extension: string): string {
  return `watchpost-${panel}-${firstDay}-${lastDay}.${extension}`.replace(/[^a-z0-9.-]+/gi, '-');
}
