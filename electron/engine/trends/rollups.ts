import type { RollupVerification } from '../../../shared/api/trends';
import type { Db } from '../store/db';
import { verifyTermRollup } from './term-verify';

/**
 * Recomputing the rollups of migration 7 from the raw mentions (the term rollup is the trend indexer's:
 * term-verify.ts): `rebuildRollups` replaces them (after a
 * bulk fill that deferred the insert trigger, or on request), `verifyRollups` compares them with a fresh
 * computation and lists every difference. Both read one row of facts per mention, computed with the same
 * bucket rules as the triggers (local days through tz_offsets).
 */

export const ROLLUP_LEVELS = ['hour', 'day', 'week', 'month'] as const;
const MEASURES = ['n', 'positive', 'neutral', 'negative', 'score_sum', 'reach_sum', 'replied', 'response_sum'] as const;

const FACTS = /* sql */ `
  SELECT created_at / 3600000 AS hour, local / 86400000 AS day, (local / 86400000 + 3) / 7 AS week,
    CAST(strftime('%Y', (local / 86400000) * 86400, 'unixepoch') AS INTEGER) * 12
      + CAST(strftime('%m', (local / 86400000) * 86400, 'unixepoch') AS INTEGER) - 1 AS month,
    (CAST(strftime('%Y', (local / 86400000) * 86400, 'unixepoch') AS INTEGER) * 12
      + CAST(strftime('%m', (local / 86400000) * 86400, 'unixepoch') AS INTEGER) - 1) / 12 AS year,
    ((local / 86400000 + 3) % 7) * 24 + (local % 86400000) / 3600000 AS how,
    channel, lang, topics, positive, neutral, negative, score, reach, replied, response, place_code
  FROM (
    SELECT m.created_at,
      m.created_at + (SELECT offset_ms FROM tz_offsets WHERE from_ms <= m.created_at ORDER BY from_ms DESC LIMIT 1) AS local,
      m.channel, coalesce(m.lang, '') AS lang,
      coalesce((SELECT ',' || group_concat(topic_id, ',' ORDER BY topic_id) || ',' FROM mention_topics
                WHERE mention_id = m.id), '') AS topics,
      m.sentiment IS 'positive' AS positive, m.sentiment IS 'neutral' AS neutral, m.sentiment IS 'negative' AS negative,
      coalesce(m.sentiment_score, 0) AS score, m.reach, m.first_response_at IS NOT NULL AS replied,
      coalesce(m.first_response_at - m.created_at, 0) AS response, m.place_code
    FROM mentions AS m
  )`;

const SUMS = `count(*), sum(positive), sum(neutral), sum(negative), sum(score), sum(reach), sum(replied), sum(response)`;

/** The steps of a rebuild into tables named `${prefix}${level}`: one facts pass, then one per table. */
function fillSteps(db: Db, prefix: string): { label: string; run: () => void }[] {
  return [
    {
      label: 'facts',
      run: () => {
        db.exec('DROP TABLE IF EXISTS temp.rollup_facts');
        db.exec(`CREATE TEMP TABLE rollup_facts AS ${FACTS}`);
      },
    },
    ...ROLLUP_LEVELS.map((level) => ({
      label: level,
      run: () =>
        db.exec(`INSERT INTO ${prefix}${level} (bucket, channel, lang, topics, ${MEASURES.join(', ')})
                 SELECT ${level}, channel, lang, topics, ${SUMS} FROM temp.rollup_facts GROUP BY 1, 2, 3, 4`),
    })),
    ...(['month', 'year'] as const).map((period) => ({
      label: period === 'month' ? 'hour_of_week' : 'hour_of_week_year',
      run: () =>
        db.exec(`INSERT INTO ${prefix}hour_of_week${period === 'month' ? '' : '_year'} (${period}, how, channel, lang, topics, n)
                 SELECT ${period}, how, channel, lang, topics, count(*) FROM temp.rollup_facts GROUP BY 1, 2, 3, 4, 5`),
    })),
    ...(['day', 'month', 'year'] as const).map((level) => ({
      label: `place_${level}`,
      run: () =>
        db.exec(`INSERT INTO ${prefix}place_${level} (bucket, code, channel, lang, topics, n, positive, neutral, negative)
                 SELECT ${level}, place_code, channel, lang, topics, count(*), sum(positive), sum(neutral), sum(negative)
                 FROM temp.rollup_facts WHERE place_code IS NOT NULL GROUP BY 1, 2, 3, 4, 5`),
    })),
    { label: 'done', run: () => db.exec('DROP TABLE temp.rollup_facts') },
  ];
}

const TABLES = [
  ...ROLLUP_LEVELS,
  'hour_of_week',
  'hour_of_week_year',
  'place_day',
  'place_month',
  'place_year',
] as const;

/** Key and measure columns of each rollup table. */
function columnsOf(table: (typeof TABLES)[number]): { keys: string[]; measures: string[] } {
  if (table === 'hour_of_week') return { keys: ['month', 'how', 'channel', 'lang', 'topics'], measures: ['n'] };
  if (table === 'hour_of_week_year') return { keys: ['year', 'how', 'channel', 'lang', 'topics'], measures: ['n'] };
  if (table === 'place_day' || table === 'place_month' || table === 'place_year')
    return {
      keys: ['bucket', 'code', 'channel', 'lang', 'topics'],
      measures: ['n', 'positive', 'neutral', 'negative'],
    };
  return { keys: ['bucket', 'channel', 'lang', 'topics'], measures: [...MEASURES] };
}

/**
 * Recomputes the trend rollups from the raw mentions, in one transaction (call it inside one, or it opens
 * its own). `onStep` hears each finished step, for progress.
 */
export function rebuildRollups(db: Db, onStep: (done: number, total: number, label: string) => void = () => {}): void {
  const steps = fillSteps(db, 'rollup_');
  db.transaction(() => {
    for (const table of TABLES) db.exec(`DELETE FROM rollup_${table}`);
    steps.forEach((step, index) => {
      step.run();
      onStep(index + 1, steps.length, step.label);
    });
  })();
}

/** How many differences `verifyRollups` lists at most (it counts them all). */
const LIST_AT_MOST = 200;

/**
 * Recomputes the rollups into temporary tables and compares them with the stored ones, row by row and
 * measure by measure (a missing row counts as zeros; score sums within 1e-6), then the term rollup (see
 * term-verify.ts). The temporary tables get the stored tables' own definition (primary key included), so
 * the comparison is a join on keys, not a scan per row. Changes nothing stored.
 */
export function verifyRollups(db: Db): RollupVerification {
  const differences: RollupVerification['differences'] = [];
  let checkedRows = 0;
  let total = 0;
  let termsPending = 0;
  db.transaction(() => {
    for (const table of TABLES) {
      const sql = db
        .prepare(`SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?`)
        .pluck()
        .get(`rollup_${table}`) as string;
      db.exec(`DROP TABLE IF EXISTS temp.expected_${table}`);
      db.exec(sql.replace(/^CREATE TABLE rollup_\w+/, `CREATE TEMP TABLE expected_${table}`));
    }
    for (const step of fillSteps(db, 'temp.expected_')) step.run();
    for (const table of TABLES) {
      const { keys, measures } = columnsOf(table);
      const join = keys.map((k) => `s.${k} = e.${k}`).join(' AND ');
      const keyExpr = keys.map((k) => `coalesce(s.${k}, e.${k})`).join(` || '|' || `);
      const differs = measures
        .map((m) =>
          m === 'score_sum'
            ? `abs(coalesce(s.${m}, 0) - coalesce(e.${m}, 0)) > 1e-6`
            : `coalesce(s.${m}, 0) != coalesce(e.${m}, 0)`,
        )
        .join(' OR ');
      checkedRows += (db.prepare(`SELECT count(*) AS c FROM temp.expected_${table}`).get() as { c: number }).c;
      const rows = db
        .prepare(
          `SELECT ${keyExpr} AS key, ${measures.map((m) => `coalesce(s.${m}, 0) AS s_${m}, coalesce(e.${m}, 0) AS e_${m}`).join(', ')}
           FROM main.rollup_${table} AS s FULL OUTER JOIN temp.expected_${table} AS e ON ${join}
           WHERE ${differs}`,
        )
        .all() as Record<string, number | string>[];
      for (const row of rows) {
        for (const m of measures) {
          const stored = Number(row[`s_${m}`]);
          const expected = Number(row[`e_${m}`]);
          const same = m === 'score_sum' ? Math.abs(stored - expected) <= 1e-6 : stored === expected;
          if (same) continue;
          total += 1;
          if (differences.length < LIST_AT_MOST) {
            differences.push({ table: `rollup_${table}`, key: String(row.key), column: m, stored, expected });
          }
        }
      }
      db.exec(`DROP TABLE temp.expected_${table}`);
    }
    const terms = verifyTermRollup(db, LIST_AT_MOST - differences.length);
    checkedRows += terms.checkedRows;
    total += terms.differenceCount;
    differences.push(...terms.differences);
    termsPending = terms.pending;
  })();
  return { ok: total === 0, checkedRows, differences, termsPending };
}
