import { MastodonFixture } from '../../../electron/engine/ingest/connectors/fixtures/mastodon-server';
import type { RunningHost } from './host';

/** A post for the Mastodon fixture's #eindhoven timeline, as MastodonFixture.add takes it. */
export type FixtureStatus = Parameters<MastodonFixture['add']>[0];

/**
 * Starts a Mastodon fixture on loopback holding `statuses`, adds it to the host as a `#eindhoven` hashtag
 * source with an access token (so replies go out over real HTTP), polls it once, and finds the mention each
 * status became by the start of its text. A status that did not come in is an error naming it.
 */
export async function mastodonSource<Key extends string>(
  host: RunningHost,
  statuses: Record<Key, FixtureStatus>,
): Promise<{ mastodon: MastodonFixture; sourceId: number; mentionIds: Map<Key, number> }> {
  const mastodon = await MastodonFixture.start();
  try {
    mastodon.add(...Object.values<FixtureStatus>(statuses));
    const { source } = await host.call('sources.add', {
      kind: 'mastodon',
      name: '#eindhoven',
      settings: {
        instance: mastodon.url,
        timeline: 'hashtag',
        hashtag: 'eindhoven',
        intervalSeconds: 3600,
        secrets: { accessToken: mastodon.accessToken },
      },
    });
    await host.call('sources.checkNow', { id: source.id });
    const { rows } = await host.call('mentions.list', { filter: { channel: ['mastodon'] }, limit: 200 });
    const mentionIds = new Map<Key, number>();
    for (const [key, status] of Object.entries<FixtureStatus>(statuses)) {
      const row = rows.find((candidate) => candidate.text.startsWith(status.text.slice(0, 40)));
      if (!row)
        throw new Error(`the Mastodon status "${status.text.slice(0, 40)}…" (${key}) did not come in as a mention`);
      mentionIds.set(key as Key, row.id);
    }
    return { mastodon, sourceId: source.id, mentionIds };
  } catch (error) {
    await mastodon.close();
    throw error;
  }
}
