import type { Db } from '../store/db';
import { ensureSource, MentionWriter, type NewMention } from '../mentions/write';

/** A plausible mention for tests; override what the test is about. */
export function sampleMention(overrides: Partial<NewMention> & { externalId: string }): NewMention {
  return {
    sourceId: 1,
    channel: 'x',
    url: `https://x.com/inwoner/status/${overrides.externalId}`,
    author: { handle: 'inwoner', displayName: 'Een Inwoner', followers: 120, location: 'Eindhoven' },
    text: 'De verlichting op het plein is weer kapot',
    lang: 'nl',
    createdAt: Date.parse('2026-11-01T12:00:00Z'),
    fetchedAt: Date.parse('2026-11-01T12:01:00Z'),
    parentExternalId: null,
    conversationId: null,
    reach: 120,
    geo: null,
    sentiment: { label: 'negative', score: -0.5 },
    priority: 10,
    raw: null,
    ...overrides,
  };
}

/** Stores mentions under a test source and returns the writer's counts. */
export function storeMentions(db: Db, mentions: Omit<NewMention, 'sourceId'>[]) {
  const sourceId = ensureSource(db, 'test', 'fixtures');
  const writer = new MentionWriter(db);
  return db.transaction(() => writer.write(mentions.map((mention) => ({ ...mention, sourceId }))))();
}
