import type { Connector } from './types';
import { blueskyConnector } from './bluesky';
import { mastodonConnector } from './mastodon';
import { rssConnector } from './rss';
import { youtubeConnector } from './youtube';

/** Every live source kind, by `sources.kind`. */
export const CONNECTORS: Readonly<Record<string, Connector>> = {
  rss: rssConnector,
  mastodon: mastodonConnector,
  bluesky: blueskyConnector,
  youtube: youtubeConnector,
};

export function connectorFor(kind: string): Connector | null {
  return CONNECTORS[kind] ?? null;
}
