const TRACKING = /^(utm_\w+|fbclid|gclid|igshid|mc_cid|mc_eid|ref_src|ref_url|s|t|si|feature)$/i;
const HOST_ALIASES: Record<string, string> = { 'twitter.com': 'x.com', 'youtu.be': 'youtube.com' };

/**
 * The key that says "this is the same post" across imports: host without www/m., no tracking
 * parameters, no fragment, no trailing slash. URLs that name a site or a profile rather than one
 * post (a path of at most one segment and no query) get no key, so they never merge different posts.
 */
export function canonicalUrl(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  let host = parsed.hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  host = HOST_ALIASES[host] ?? host;
  const params = [...parsed.searchParams.entries()]
    .filter(([name]) => !TRACKING.test(name))
    .sort(([a], [b]) => a.localeCompare(b));
  const path = parsed.pathname.replace(/\/+$/, '');
  const segments = path.split('/').filter(Boolean).length;
  if (host === 'youtube.com' && parsed.hostname.endsWith('youtu.be') && segments === 1) {
    return `youtube.com/watch?v=${path.slice(1)}`;
  }
  if (segments < 2 && params.length === 0) return null;
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${path}${query}`;
}
