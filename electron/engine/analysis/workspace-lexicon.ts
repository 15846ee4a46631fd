/**
 * The workspace lexicon: the organisation's own words with a weight (-4 … +4), e.g. "storing" -2,
 * "glasvezel" +1, "geen bereik" -3. They win over the built-in lexicons, inflections and compounds
 * included; the analyzer is rebuilt from them whenever one changes.
 */
import type { Statement } from 'better-sqlite3';
import type { LexiconEntry } from '../../../shared/api/analysis';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';
import { SentimentLexicon } from './lexicon';

interface EntryRecord {
  term: string;
  weight: number;
  updated_at: number;
  updated_by: string;
}

let builtIn: { nl: SentimentLexicon; en: SentimentLexicon } | undefined;

/** What the built-in lexicons say about a single word (phrases are the scorer's, not looked up here). */
function builtInValence(term: string): LexiconEntry['builtIn'] {
  if (term.includes(' ')) return { nl: null, en: null };
  builtIn ??= { nl: new SentimentLexicon('nl'), en: new SentimentLexicon('en') };
  return { nl: builtIn.nl.valence(term) ?? null, en: builtIn.en.valence(term) ?? null };
}

export class WorkspaceLexicon {
  private readonly all: Statement<[], EntryRecord>;
  private readonly upsert: Statement<[string, number, number, number, string]>;
  private readonly previous: Statement<[string], number>;
  private readonly remove: Statement<[string]>;

  constructor(private readonly db: Db) {
    this.all = db.prepare('SELECT term, weight, updated_at, updated_by FROM lexicon_entries ORDER BY term');
    this.upsert = db.prepare(
      `INSERT INTO lexicon_entries (term, weight, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (term) DO UPDATE SET weight = excluded.weight, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    );
    this.previous = db.prepare<[string], number>('SELECT weight FROM lexicon_entries WHERE term = ?').pluck();
    this.remove = db.prepare('DELETE FROM lexicon_entries WHERE term = ?');
  }

  /** Term → weight, as the analyzer takes it. */
  overrides(): Map<string, number> {
    return new Map(this.all.all().map((entry) => [entry.term, entry.weight]));
  }

  list(): LexiconEntry[] {
    return this.all.all().map((entry) => ({
      term: entry.term,
      weight: entry.weight,
      builtIn: builtInValence(entry.term),
      updatedAt: new Date(entry.updated_at).toISOString(),
      updatedBy: entry.updated_by,
    }));
  }

  save(term: string, weight: number, operator: string): void {
    this.db.transaction(() => {
      const before = this.previous.get(term) ?? null;
      const now = Date.now();
      this.upsert.run(term, weight, now, now, operator);
      recordAudit(this.db, {
        actor: operator,
        action: before === null ? 'lexicon.add' : 'lexicon.update',
        entity: 'lexicon',
        entityId: term,
        detail: { from: before, to: weight },
      });
    })();
  }

  /** Answers whether the term was there. */
  delete(term: string, operator: string): boolean {
    return this.db.transaction(() => {
      const before = this.previous.get(term) ?? null;
      if (before === null) return false;
      this.remove.run(term);
      recordAudit(this.db, {
        actor: operator,
        action: 'lexicon.delete',
        entity: 'lexicon',
        entityId: term,
        detail: { from: before },
      });
      return true;
    })();
  }
}
