import { OPERATOR_PROFILES } from '../../../resources/demo';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';
import { type DeskCounts, furnishDesk } from './desk';
import { DemoRandom } from './random';
import { saveDemoTopics, tagDemoMentions } from './topics';

export interface FurnishOptions {
  sourceId: number;
  /** The demo's mentions are those after this id. */
  afterId: number;
  seed: number;
  /** The rollup triggers on topic tags are deferred (bulk.ts): tagging may take its index away meanwhile. */
  bulk: boolean;
  /** The start and end of the demo period. */
  periodStart: number;
  until: number;
}

export interface FurnishCounts extends DeskCounts {
  operators: number;
  topics: number;
  topicTags: number;
}

/**
 * Makes a freshly generated demo a workspace someone works in: the team's operator profiles and saved
 * topics (made at the start of the period), the new mentions tagged with every topic, and the team's
 * recent work (desk.ts). Deterministic for a seed; what the workspace already has (a profile or topic of
 * the same name) is kept. Needs the full-text index to cover the new mentions; call it inside a transaction.
 */
export function furnishDemo(db: Db, options: FurnishOptions): FurnishCounts {
  // The fourth stream: the three before it make the mentions (mentions.ts), so these draws change none of them.
  const random = DemoRandom.fromSeed(options.seed).streams(4)[3]!;
  const operators = saveDemoOperators(db, options.periodStart);
  const topics = saveDemoTopics(db, options.periodStart, OPERATOR_PROFILES[0]!.name);
  const upToId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM mentions').pluck().get() ?? 0;
  const topicTags = tagDemoMentions(db, options.afterId + 1, upToId, options.bulk);
  const desk = furnishDesk(db, { sourceId: options.sourceId, afterId: options.afterId, until: options.until }, random);
  return { operators, topics, topicTags, ...desk };
}

/** Adds the demo team's profiles the workspace does not have yet; answers how many. */
function saveDemoOperators(db: Db, at: number): number {
  const insert = db.prepare<[string, string, string, string, number]>(
    'INSERT OR IGNORE INTO operators (name, initials, colour, language, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  let added = 0;
  for (const profile of OPERATOR_PROFILES) {
    const { changes, lastInsertRowid } = insert.run(
      profile.name,
      profile.initials,
      profile.colour,
      profile.language,
      at,
    );
    if (changes === 0) continue;
    const id = Number(lastInsertRowid);
    recordAudit(
      db,
      {
        actor: profile.name,
        action: 'operator.save',
        entity: 'operator',
        entityId: id,
        detail: { before: null, after: { id, ...profile, createdAt: new Date(at).toISOString() } },
      },
      at,
    );
    added++;
  }
  return added;
}
