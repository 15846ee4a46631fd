import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { NewAuthor } from '../../mentions/write';
import { batchesOf } from './batches';
import { describeJsonError, readText } from './json-input';
import { commonOptions, unreadable } from './options';
import type { FormatParser, ImportInput, ParsedBatch, ParseOptions } from './types';
import { asArray, asObject, asText } from './values';
import { v1TweetMention } from './x-tweet';
import { rejectReason } from './reject-reason';

// Every file of an X archive is `window.YTD.<name>.part<n> = <JSON>`.
const YTD = /^\s*window\.YTD\.([\w-]+)\.part(\d+)\s*=\s*/;
const TWEET_FILES = new Set(['tweets', 'tweet', 'community_tweet', 'deleted_tweets']);

function readYtd(text: string, fileName: string): { name: string; data: unknown } {
  const head = YTD.exec(text);
  if (!head) throw unreadable(fileName, 'this is not a file from an X archive: it does not start with window.YTD');
  const body = text.slice(head[0].length).replace(/;\s*$/, '');
  try {
    return { name: head[1] ?? '', data: JSON.parse(body) };
  } catch (err) {
    throw unreadable(fileName, `the archive data is not valid JSON: ${describeJsonError(err, body)}`);
  }
}

export interface ArchiveAccount {
  handle: string;
  displayName: string | null;
}

/** The archive's owner, from its `account.js`. */
export function readArchiveAccount(accountJs: string, fileName = 'account.js'): ArchiveAccount | null {
  const { data } = readYtd(accountJs, fileName);
  const account = asObject(asObject(asArray(data)[0])?.account);
  const handle = asText(account?.username);
  return handle ? { handle, displayName: asText(account?.accountDisplayName) } : null;
}

/** Looks for `account.js` beside an archive's `tweets.js`; null when it is not there or unreadable. */
export async function readArchiveAccountBeside(tweetsJsPath: string): Promise<ArchiveAccount | null> {
  try {
    return readArchiveAccount(await readFile(path.join(path.dirname(tweetsJsPath), 'account.js'), 'utf8'));
  } catch {
    return null;
  }
}

async function* parseArchive(input: ImportInput, options: ParseOptions): AsyncIterable<ParsedBatch> {
  const { fetchedAt, batchSize } = commonOptions(options);
  const { name, data } = readYtd(await readText(input), options.fileName);
  if (!TWEET_FILES.has(name)) {
    throw unreadable(options.fileName, `this is the archive's ${name}.js, not its posts: import data/tweets.js`);
  }
  if (!Array.isArray(data)) throw unreadable(options.fileName, 'the archive data is not a list of tweets');
  const author: NewAuthor | null = options.accountHandle
    ? {
        handle: options.accountHandle.replace(/^@/, ''),
        displayName: options.accountName ?? null,
        followers: 0,
        location: null,
      }
    : null;
  yield* batchesOf(data, batchSize, (entry, recordNo, out) => {
    // Newer archives wrap each tweet as { "tweet": {...} }; older ones list tweets bare.
    const tweet = asObject(asObject(entry)?.tweet) ?? asObject(entry);
    const place = { unit: 'tweet', no: recordNo } as const;
    const outcome = tweet
      ? v1TweetMention(tweet, place, { fetchedAt, author })
      : rejectReason('not_an_object', place, `tweet ${recordNo} is not an object`);
    if ('mention' in outcome) out.add(outcome.mention);
    else out.reject(recordNo, JSON.stringify(entry) ?? 'null', outcome);
  });
}

export const xArchiveFormat: FormatParser = {
  id: 'x-archive',
  label: 'X/Twitter archive (tweets.js)',
  sniff(sample) {
    const head = YTD.exec(sample);
    if (!head) return 0;
    return TWEET_FILES.has(head[1] ?? '') ? 1 : 0.6;
  },
  parse: parseArchive,
};
