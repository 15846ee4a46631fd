import core from './0001_core';
import topics from './0002_topics';
import importPresets from './0003_import_presets';
import sentimentLearning from './0004_sentiment_learning';
import inbox from './0005_inbox';
import replies from './0006_replies';
import rollups from './0007_rollups';
import rejectCodes from './0008_reject_codes';
import inboxSentimentPriority from './0009_inbox_sentiment_priority';
import inboxPriorityCovering from './0010_inbox_priority_covering';

/**
 * Numbered migrations, applied in order, each in its own transaction; the database's
 * `PRAGMA user_version` is the number of the last one applied. Never edit a migration
 * that has shipped: add the next number.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'core', sql: core },
  { version: 2, name: 'topics and search indexes', sql: topics },
  { version: 3, name: 'import presets and removed sources', sql: importPresets },
  { version: 4, name: 'workspace lexicon, sentiment corrections and model', sql: sentimentLearning },
  { version: 5, name: 'inbox workflow', sql: inbox },
  { version: 6, name: 'replies', sql: replies },
  { version: 7, name: 'trend rollups', sql: rollups },
  { version: 8, name: 'reject codes and persisted source backoff', sql: rejectCodes },
  { version: 9, name: 'inbox sentiment in priority order', sql: inboxSentimentPriority },
  { version: 10, name: 'inbox priority order covering the filters', sql: inboxPriorityCovering },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
