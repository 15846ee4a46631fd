/**
 * Mastodon delivers a reply only to the accounts it mentions: without `@author` at the start, the person who
 * wrote the post never sees the answer. The composer starts a Mastodon reply with the mention, and the engine
 * puts it in front of a reply that lost it, so what is counted, checked, stored and posted is the same text.
 */

/** The `@account` to start a reply with, or null when the channel needs none. */
export function replyMentionFor(channel: string, handle: string | null | undefined): string | null {
  if (channel !== 'mastodon') return null;
  const account = (handle ?? '').trim().replace(/^@/, '');
  // A handle from a Mastodon source is whole (`user@server`); anything else is not an account to mention.
  return /^[\w.-]+@[\w.-]+$/.test(account) ? `@${account}` : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the text already mentions the account (`@user@host`, or `@user` before a space or punctuation). */
export function mentionsAccount(text: string, mention: string): boolean {
  const [user, host] = mention.replace(/^@/, '').split('@');
  const account = host ? `${escapeRegExp(user ?? '')}(?:@${escapeRegExp(host)})?` : escapeRegExp(user ?? '');
  return new RegExp(`(?:^|[^\\w@/])@${account}(?![\\w@]|[.-]\\w)`, 'iu').test(text);
}

/** The text as it is sent: with `mention ` in front when it does not mention the account yet. */
export function withReplyMention(text: string, mention: string | null): string {
  if (mention === null || mentionsAccount(text, mention)) return text;
  return `${mention} ${text.replace(/^\s+/, '')}`;
}

/** The mentions a reply starts with (`@a@host @b `): a greeting comes after them. */
export const LEADING_MENTIONS = /^\s*(?:@[\w.-]+(?:@[\w.-]+)?\s+)*/u;
