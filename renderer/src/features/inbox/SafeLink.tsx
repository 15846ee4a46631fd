import type { ReactNode } from 'react';

/**
 * The one way the inbox opens a link from a post: only http(s), in a new window without access back to
 * ours. (In the desktop app the main process hands new windows to the system browser; anything else is blocked.)
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function SafeLink({ url, children, className }: { url: string; children?: ReactNode; className?: string }) {
  const href = safeHref(url);
  if (!href) return <span className={className}>{children ?? url}</span>;
  return (
    <a className={className} href={href} target="_blank" rel="noopener noreferrer">
      {children ?? url}
    </a>
  );
}

/** A post's text with its links made safe links, everything else as text. */
export function LinkedText({ text, links }: { text: string; links: readonly string[] }) {
  if (links.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let rest = text;
  let key = 0;
  for (const link of links) {
    for (let at = rest.indexOf(link); at >= 0; at = rest.indexOf(link)) {
      if (at > 0) parts.push(rest.slice(0, at));
      parts.push(<SafeLink key={key++} url={link} className="detail__inline-link" />);
      rest = rest.slice(at + link.length);
    }
  }
  parts.push(rest);
  return <>{parts}</>;
}
