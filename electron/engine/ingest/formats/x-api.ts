import { batchesOf } from './batches';
import { describeJsonError, readText } from './json-input';
import { commonOptions, unreadable } from './options';
import { placeText, rejectReason, type RecordPlace, type RejectReason } from './reject-reason';
import type { FormatParser, ImportInput, ParsedBatch, ParseOptions } from './types';
import { asArray, asObject, asText, type JsonObject } from './values';
import { v1TweetMention, v2Includes, v2TweetMention, type V2Includes } from './x-tweet';

interface TweetRecord {
  recordNo: number;
  place: RecordPlace;
  tweet: unknown;
  /** Present for API v2 tweets. */
  includes?: V2Includes;
}

const NOT_X =
  'this is not X/Twitter API JSON: expected a tweet, a list of tweets, { "statuses": [...] } or v2 { "data", "includes" }';

function looksLikeV1Tweet(value: JsonObject): boolean {
  return ('id_str' in value || 'id' in value) && ('full_text' in value || 'text' in value || 'extended_tweet' in value);
}

/** The tweets of one parsed JSON value, numbered from `recordNo` (or all under one line number). */
function tweetsOf(document: unknown, fileName: string, line?: number): TweetRecord[] {
  const placeOf = (index: number): RecordPlace =>
    line ? { unit: 'line', no: line, ...(index > 0 ? { part: index + 1 } : {}) } : { unit: 'tweet', no: index + 1 };
  const at = (index: number) => line ?? index + 1;
  const object = asObject(document);
  if (object && 'data' in object) {
    const includes = v2Includes(object);
    const data = Array.isArray(object.data) ? object.data : [object.data];
    if (data.length === 0 || (data.length === 1 && !asObject(data[0]))) {
      const error = asObject(asArray(object.errors)[0]);
      if (error)
        throw unreadable(
          fileName,
          `the file holds only API errors: ${asText(error.detail) ?? asText(error.title) ?? 'unknown'}`,
        );
    }
    return data.map((tweet, i) => ({ recordNo: at(i), place: placeOf(i), tweet, includes }));
  }
  const list = Array.isArray(document) ? document : Array.isArray(object?.statuses) ? asArray(object?.statuses) : null;
  if (list) {
    return list.flatMap((item, i) => {
      const envelope = asObject(item);
      if (envelope && 'data' in envelope && !looksLikeV1Tweet(envelope))
        return tweetsOf(envelope, fileName, line ?? i + 1);
      return [{ recordNo: at(i), place: placeOf(i), tweet: item }];
    });
  }
  if (object && looksLikeV1Tweet(object)) return [{ recordNo: at(0), place: placeOf(0), tweet: object }];
  throw unreadable(fileName, NOT_X);
}

interface BrokenLine {
  recordNo: number;
  raw: string;
  why: RejectReason;
}

/** A file of tweets: one JSON document, or one tweet / v2 response a line (a saved stream). */
function readTweets(text: string, fileName: string): (TweetRecord | BrokenLine)[] {
  if (text.trim() === '') throw unreadable(fileName, 'the file is empty');
  try {
    return tweetsOf(JSON.parse(text), fileName);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    const lines = text
      .split('\n')
      .map((raw, i) => ({ lineNo: i + 1, raw: raw.trim() }))
      .filter((line) => line.raw !== '');
    if (lines.length < 2 || !lines[0]?.raw.startsWith('{')) {
      throw unreadable(fileName, `this is not valid JSON: ${describeJsonError(err, text)}`);
    }
    const items = lines.flatMap(({ lineNo, raw }): (TweetRecord | BrokenLine)[] => {
      try {
        return tweetsOf(JSON.parse(raw), fileName, lineNo);
      } catch (lineError) {
        const place = { unit: 'line', no: lineNo } as const;
        if (!(lineError instanceof SyntaxError))
          return [{ recordNo: lineNo, raw, why: rejectReason('not_a_post', place, `line ${lineNo} is not a tweet`) }];
        const detail = describeJsonError(lineError, raw);
        const why = rejectReason('json_invalid', place, `line ${lineNo} is not valid JSON: ${detail}`, { detail });
        return [{ recordNo: lineNo, raw, why }];
      }
    });
    // Not one line was a tweet: the file is one broken document, so report where it breaks.
    if (items.every((item) => 'why' in item))
      throw unreadable(fileName, `this is not valid JSON: ${describeJsonError(err, text)}`);
    return items;
  }
}

async function* parseXApi(input: ImportInput, options: ParseOptions): AsyncIterable<ParsedBatch> {
  const { fetchedAt, batchSize } = commonOptions(options);
  const items = readTweets(await readText(input), options.fileName);
  yield* batchesOf(items, batchSize, (item, _position, out) => {
    if ('why' in item) return out.reject(item.recordNo, item.raw, item.why);
    const { tweet, place, recordNo, includes } = item;
    const object = asObject(tweet);
    const outcome = !object
      ? rejectReason('not_an_object', place, `${placeText(place)} is not a tweet object`)
      : includes
        ? v2TweetMention(object, includes, place, fetchedAt)
        : v1TweetMention(object, place, { fetchedAt });
    if ('mention' in outcome) out.add(outcome.mention);
    else out.reject(recordNo, JSON.stringify(tweet) ?? 'null', outcome);
  });
}

export const xApiFormat: FormatParser = {
  id: 'x-api',
  label: 'X/Twitter API JSON (v1.1 or v2)',
  sniff(sample) {
    if (!/^\s*[[{]/.test(sample)) return 0;
    if (/"(id_str|full_text|extended_tweet|in_reply_to_status_id_str|retweeted_status)"\s*:/.test(sample)) return 0.9;
    if (/"data"\s*:/.test(sample) && /"(author_id|edit_history_tweet_ids|conversation_id)"\s*:/.test(sample))
      return 0.9;
    return 0;
  },
  parse: parseXApi,
};
