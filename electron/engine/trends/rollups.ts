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

/**
 * One row per UTC hour × channel × language × topic set × place with the sums of its mentions (`where`
 * narrows the mentions read, e.g. to a run of ids): the finest grain any rollup needs. Amsterdam changes
 * its clocks on whole UTC hours (every `tz_offsets.from_ms` is a whole hour), so all of an hour shares one
 * local day, month and hour of the week. At 1M demo mentions this is ~0.7M rows, and every coarser table is
 * grouped from it or from the day table instead of from every mention again.
 */
const factsOf = (where: string) => /* sql */ `
  SELECT hour, local / 86400000 AS day,
    CAST(strftime('%Y', (local / 86400000) * 86400, 'unixepoch') AS INTEGER) * 12
      + CAST(strftime('%m', (local / 86400000) * 86400, 'unixepoch') AS INTEGER) - 1 AS month,
    ((local / 86400000 + 3) % 7) * 24 + (local % 86400000) / 3600000 AS how,
    channel, lang, topics, place_code, n, positive, neutral, negative, score, reach, replied, response
  FROM (
    SELECT hour,
      hour * 3600000 + (SELECT offset_ms FROM tz_offsets WHERE from_ms <= hour * 3600000 ORDER BY from_ms DESC LIMIT 1) AS local,
      channel, lang, topics, place_code, count(*) AS n, sum(positive) AS positive, sum(neutral) AS neutral,
      sum(negative) AS negative, sum(score) AS score, sum(reach) AS reach, sum(replied) AS replied,
      sum(response) AS response
    FROM (
      SELECT m.created_at / 3600000 AS hour, m.channel, coalesce(m.lang, '') AS lang,
        coalesce((SELECT ',' || group_concat(topic_id, ',' ORDER BY topic_id) || ',' FROM mention_topics
                  WHERE mention_id = m.id), '') AS topics,
        m.sentiment IS 'positive' AS positive, m.sentiment IS 'neutral' AS neutral, m.sentiment IS 'negative' AS negative,
        coalesce(m.sentiment_score, 0) AS score, m.reach, m.first_response_at IS NOT NULL AS replied,
        coalesce(m.first_response_at - m.created_at, 0) AS response, m.place_code
      FROM mentions AS m ${where}
    )
    GROUP BY hour, channel, lang, topics, place_code
  )`;
const FACTS = factsOf('');

/** The facts' sums, in MEASURES order. */
const FACT_SUMS = `sum(n), sum(positive), sum(neutral), sum(negative), sum(score), sum(reach), sum(replied), sum(response)`;
/** A stored rollup table's measures, summed. */
const MEASURE_SUMS = MEASURES.map((m) => `sum(${m})`).join(', ');
const PLACE_SUMS = 'sum(n), sum(positive), sum(neutral), sum(negative)';
/** The month number (year × 12 + month − 1) of the local day number in `bucket`. */
const MONTH_OF_DAY = `CAST(strftime('%Y', bucket * 86400, 'unixepoch') AS INTEGER) * 12
  + CAST(strftime('%m', bucket * 86400, 'unixepoch') AS INTEGER) - 1`;

/**
 * The steps of a rebuild into tables named `${prefix}${table}`: one facts pass over the mentions, then one
 * per table, each grouped from the smallest table that has what it needs (weeks and months from days, years
 * from months), so only the facts pass reads every mention.
 */
function fillSteps(db: Db, prefix: string): { label: string; run: () => void }[] {
  // Every table is keyed by its first columns (four, or five with the hour of the week or the place).
  const step = (label: string, columns: string, select: string) => {
    const keys = columns.split(', ').filter((column) => !(MEASURES as readonly string[]).includes(column)).length;
    const groupBy = Array.from({ length: keys }, (_, index) => index + 1).join(', ');
    return { label, run: () => db.exec(`INSERT INTO ${prefix}${label} (${columns}) ${select} GROUP BY ${groupBy}`) };
  };
  const level = `bucket, channel, lang, topics, ${MEASURES.join(', ')}`;
  const place = 'bucket, code, channel, lang, topics, n, positive, neutral, negative';
  return [
    {
      label: 'facts',
      run: () => {
        db.exec('DROP TABLE IF EXISTS temp.rollup_facts');
        db.exec(`CREATE TEMP TABLE rollup_facts AS ${FACTS}`);
      },
    },
    step('hour', level, `SELECT hour, channel, lang, topics, ${FACT_SUMS} FROM temp.rollup_facts`),
    step('day', level, `SELECT day, channel, lang, topics, ${FACT_SUMS} FROM temp.rollup_facts`),
    step('week', level, `SELECT (bucket + 3) / 7, channel, lang, topics, ${MEASURE_SUMS} FROM ${prefix}day`),
    step('month', level, `SELECT ${MONTH_OF_DAY}, channel, lang, topics, ${MEASURE_SUMS} FROM ${prefix}day`),
    step(
      'hour_of_week',
      'month, how, channel, lang, topics, n',
      'SELECT month, how, channel, lang, topics, sum(n) FROM temp.rollup_facts',
    ),
    step(
      'hour_of_week_year',
      'year, how, channel, lang, topics, n',
      `SELECT month / 12, how, channel, lang, topics, sum(n) FROM ${prefix}hour_of_week`,
    ),
    step(
      'place_day',
      place,
      `SELECT day, place_code, channel, lang, topics, ${PLACE_SUMS} FROM temp.rollup_facts WHERE place_code IS NOT NULL`,
    ),
    step(
      'place_month',
      place,
      `SELECT ${MONTH_OF_DAY}, code, channel, lang, topics, ${PLACE_SUMS} FROM ${prefix}place_day`,
    ),
    step(
      'place_year',
      place,
      `SELECT bucket / 12, code, channel, lang, topics, ${PLACE_SUMS} FROM ${prefix}place_month`,
    ),
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
 * Mentions recomputed (and texts recounted) per step of a verification, and a tenth of the rollup rows compared
 * per step: at 1M mentions a step takes up to about a tenth of a second of CPU.
 */
export const VERIFY_CHUNK = 2_000;

/** How far a verification got: `done` of `total` units (mentions recomputed, tables compared, texts recounted). */
export interface VerifyProgress {
  done: number;
  total: number;
  label: string;
}

/**
 * Recomputes the rollups into temporary tables and compares them with the stored ones, row by row and
 * measure by measure (a missing row counts as zeros; score sums within 1e-6), then the term rollup (see
 * term-verify.ts). Changes nothing stored.
 *
 * A generator of bounded steps, so a job can give other calls a turn between them (RollupVerifier, verify-job.ts):
 * the mentions are recomputed VERIFY_CHUNK ids at a time through the rebuild's own steps into per-chunk
 * tables, each merged into the expected tables (keys summed); the expected tables get the stored tables'
 * own definition (primary key included), so the comparison is a join on keys. Run it inside one read
 * transaction (a snapshot) or on a connection nothing else writes to: it reads the mentions over many steps.
 */
export function* verifySteps(db: Db, chunk = VERIFY_CHUNK): Generator<VerifyProgress, RollupVerification> {
  const differences: RollupVerification['differences'] = [];
  let checkedRows = 0;
  let total = 0;
  const [firstId, lastId, mentions] = db
    .prepare('SELECT coalesce(min(id), 1), coalesce(max(id), 0), count(*) FROM mentions')
    .raw()
    .get() as [number, number, number];
  const units = 2 * mentions + TABLES.length;
  let done = 0;
  for (const prefix of ['expected_', 'chunk_']) {
    for (const table of TABLES) {
      const sql = db
        .prepare(`SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?`)
        .pluck()
        .get(`rollup_${table}`) as string;
      db.exec(`DROP TABLE IF EXISTS temp.${prefix}${table}`);
      db.exec(sql.replace(/^CREATE TABLE rollup_\w+/, `CREATE TEMP TABLE ${prefix}${table}`));
    }
  }
  // The rebuild's steps fill the chunk tables from temp.rollup_facts, made here for one run of ids at a time.
  const steps = fillSteps(db, 'temp.chunk_').filter((step) => step.label !== 'facts');
  const countIds = db.prepare('SELECT count(*) FROM mentions WHERE id >= ? AND id < ?').pluck();
  const chunkFacts = db.prepare(`CREATE TEMP TABLE rollup_facts AS ${factsOf('WHERE m.id >= ? AND m.id < ?')}`);
  const merges = TABLES.map((table) => {
    const { keys, measures } = columnsOf(table);
    const columns = [...keys, ...measures].join(', ');
    return db.prepare(
      `INSERT INTO temp.expected_${table} (${columns}) SELECT ${columns} FROM temp.chunk_${table} WHERE true
       ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${measures.map((m) => `${m} = ${m} + excluded.${m}`).join(', ')}`,
    );
  });
  for (let lo = firstId; lo <= lastId; lo += chunk) {
    db.exec('DROP TABLE IF EXISTS temp.rollup_facts');
    chunkFacts.run(lo, lo + chunk);
    done += countIds.get(lo, lo + chunk) as number;
    for (const table of TABLES) db.exec(`DELETE FROM temp.chunk_${table}`);
    for (const step of steps) step.run();
    for (const merge of merges) merge.run();
    yield { done, total: units, label: 'recomputing' };
  }
  for (const table of TABLES) db.exec(`DROP TABLE temp.chunk_${table}`);
  for (const table of TABLES) {
    const { keys, measures } = columnsOf(table);
    const [first] = keys as [string];
    const join = keys.map((k) => `s.${k} = e.${k}`).join(' AND ');
    const keyExpr = keys.map((k) => `coalesce(s.${k}, e.${k})`).join(` || '|' || `);
    const differs = measures
      .map((m) =>
        m === 'score_sum'
          ? `abs(coalesce(s.${m}, 0) - coalesce(e.${m}, 0)) > 1e-6`
          : `coalesce(s.${m}, 0) != coalesce(e.${m}, 0)`,
      )
      .join(' OR ');
    const expectedRows = db.prepare(`SELECT count(*) FROM temp.expected_${table}`).pluck().get() as number;
    checkedRows += expectedRows;
    // Compared a run of the first key at a time (hours, days...), about `chunk` × 10 rows a step.
    const [lo, hi] = db
      .prepare(
        `SELECT min(lo), max(hi) FROM (SELECT min(${first}) AS lo, max(${first}) AS hi FROM main.rollup_${table}
         UNION ALL SELECT min(${first}), max(${first}) FROM temp.expected_${table})`,
      )
      .raw()
      .get() as [number | null, number | null];
    // Stored rows against expected ones, then expected rows with no stored row: each side read along its
    // primary key and the other looked up by key (a full outer join of two ranges would scan one per row).
    const columns = `${keyExpr} AS key, ${measures.map((m) => `coalesce(s.${m}, 0) AS s_${m}, coalesce(e.${m}, 0) AS e_${m}`).join(', ')}`;
    const compare = db.prepare(
      `SELECT ${columns} FROM main.rollup_${table} AS s LEFT JOIN temp.expected_${table} AS e ON ${join}
       WHERE s.${first} BETWEEN @lo AND @hi AND (${differs})
       UNION ALL
       SELECT ${columns} FROM temp.expected_${table} AS e LEFT JOIN main.rollup_${table} AS s ON ${join}
       WHERE e.${first} BETWEEN @lo AND @hi AND s.${first} IS NULL AND (${differs})`,
    );
    const steps = lo === null || hi === null ? 0 : Math.max(1, Math.ceil(expectedRows / (10 * chunk)));
    const width = lo === null || hi === null ? 0 : Math.ceil((hi - lo + 1) / steps);
    for (let from = lo ?? 0; steps > 0 && from <= hi!; from += width) {
      for (const row of compare.all({ lo: from, hi: from + width - 1 }) as Record<string, number | string>[]) {
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
      yield { done, total: units, label: `comparing rollup_${table}` };
    }
    db.exec(`DROP TABLE temp.expected_${table}`);
    done += 1;
    yield { done, total: units, label: `compared rollup_${table}` };
  }
  const termSteps = verifyTermRollup(db, LIST_AT_MOST - differences.length, chunk);
  let step = termSteps.next();
  const termsFrom = done;
  for (; !step.done; step = termSteps.next()) {
    done = termsFrom + step.value;
    yield { done, total: units, label: 'recounting terms' };
  }
  const terms = step.value;
  checkedRows += terms.checkedRows;
  total += terms.differenceCount;
  differences.push(...terms.differences);
  return { ok: total === 0, checkedRows, differences, termsPending: terms.pending };
}

/** The whole verification at once, in one transaction (the CLI, tests). */
export function verifyRollups(db: Db): RollupVerification {
  return db.transaction(() => {
    const steps = verifySteps(db);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  })();
}
