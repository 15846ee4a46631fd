import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileQuery } from '../../../shared/query/compile';
import { parseQuery } from '../../../shared/query/parser';
import { ensureSource, MentionWriter, type NewMention } from '../mentions/write';
import { openMemoryWorkspace, type Db } from '../store/db';
import { countMatches } from './count';
import { searchMentions } from './search';
import { Statements } from './statements';

/** Large enough that counts are sampled; stored in time order, as a live feed stores them. */
const COUNT = 60_000;
const START = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;
let db: Db;

beforeAll(() => {
  db = openMemoryWorkspace();
  const sourceId = ensureSource(db, 'demo', 'count');
  const writer = new MentionWriter(db);
  const rows: NewMention[] = [];
  for (let i = 0; i < COUNT; i++) {
    rows.push({
      sourceId,
      channel: i % 3 === 0 ? 'x' : 'facebook',
      externalId: `n${i}`,
      url: null,
      author: null,
      text: i % 2 === 0 ? 'storing in de wijk' : 'mooi weer vandaag',
      lang: 'nl',
      createdAt: START + i * HOUR,
      fetchedAt: START + i * HOUR,
      parentExternalId: null,
      conversationId: null,
      reach: i % 10,
      geo: null,
      sentiment: null,
      priority: 0,
      raw: null,
    });
  }
  db.transaction(() => writer.write(rows))();
});

afterAll(() => db.close());

function truth(where: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM mentions m WHERE ${where}`).get() as { n: number }).n;
}

function count(query: string): ReturnType<typeof countMatches> {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return countMatches(new Statements(db), compileQuery(parsed.ast));
}

describe('counting the matches of a broad query in a large workspace', () => {
  it('is exact when it finishes in time, or an estimate within 10% that says it is one', () => {
    const cases: [query: string, where: string][] = [
      ['reach:>=5', 'm.reach >= 5'],
      ['channel:x', "m.channel = 'x'"],
      ['storing reach:<3', "m.reach < 3 AND m.text LIKE 'storing%'"],
    ];
    for (const [query, where] of cases) {
      const exact = truth(where);
      const { total, totalIsEstimate } = count(query);
      if (totalIsEstimate) expect(Math.abs(total - exact) / exact, query).toBeLessThan(0.1);
      else expect(total, query).toBe(exact);
    }
  });

  it('is not thrown off by date filters when ids follow time (it samples all ids, not the newest)', () => {
    const after = new Date(START + 45_000 * HOUR).toISOString().slice(0, 19) + 'Z';
    const exact = truth(`m.created_at >= ${START + 45_000 * HOUR} AND m.reach >= 5`);
    const { total } = count(`after:${after} reach:>=5`);
    expect(Math.abs(total - exact) / exact).toBeLessThan(0.1);
  });

  it('gives a search page its total the same way', () => {
    const result = searchMentions(db, { query: 'storing channel:x', limit: 10 });
    const exact = truth("m.channel = 'x' AND m.text LIKE 'storing%'");
    expect(result.mentions).toHaveLength(10);
    expect(Math.abs(result.total - exact) / exact).toBeLessThan(0.1);
  });
});
