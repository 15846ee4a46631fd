import { webHref } from './webHref';

/**
 * "Copy reply and open the post", for channels Watchpost cannot post to: the reply goes to the clipboard and
 * the post opens in a new window without access back to ours. Only http(s) addresses are opened — in the
 * desktop app the main process hands that window to the system browser (openExternalSafely) and refuses
 * anything else; in a browser it is a new tab.
 */
export async function copyAndOpen(text: string, postUrl: string | null): Promise<{ copied: boolean }> {
  let copied = true;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    copied = false;
  }
  const href = webHref(postUrl);
  if (href) window.open(href, '_blank', 'noopener,noreferrer');
  return { copied };
}
