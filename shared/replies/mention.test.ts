import { describe, expect, it } from 'vitest';
import { checkTone } from './tone/check';
import { tonePreset } from './tone/presets';
import { mentionsAccount, replyMentionFor, withReplyMention } from './mention';

describe('the @author of a Mastodon reply', () => {
  it('is the whole handle on Mastodon and nothing elsewhere', () => {
    expect(replyMentionFor('mastodon', 'anne@mastodon.example')).toBe('@anne@mastodon.example');
    expect(replyMentionFor('mastodon', '@anne@mastodon.example')).toBe('@anne@mastodon.example');
    expect(replyMentionFor('bluesky', 'anne.bsky.social')).toBeNull();
    expect(replyMentionFor('mastodon', 'unknown')).toBeNull();
  });

  it('is put in front only when the text does not mention the account yet', () => {
    const mention = '@anne@mastodon.example';
    expect(withReplyMention('Beste Anne, dank u.', mention)).toBe('@anne@mastodon.example Beste Anne, dank u.');
    expect(withReplyMention('@anne@mastodon.example Beste Anne', mention)).toBe('@anne@mastodon.example Beste Anne');
    expect(withReplyMention('Dank u, @Anne! Tot ziens', mention)).toBe('Dank u, @Anne! Tot ziens');
    expect(mentionsAccount('mail @annemarie of @anne@other.example', mention)).toBe(false);
    expect(mentionsAccount('zie example.com/@anne', mention)).toBe(false);
    expect(withReplyMention('Hoi', null)).toBe('Hoi');
  });

  it('leaves the greeting rule satisfied, and its fix goes after the mention', () => {
    const rules = tonePreset('public').map((rule) => ({ ...rule, enabled: rule.kind === 'greeting' }));
    const context = { channel: 'mastodon' as const, lang: 'nl' as const, public: true };
    expect(checkTone('@anne@mastodon.example Beste Anne, dank u.', rules, context)).toEqual([]);
    const [missing] = checkTone('@anne@mastodon.example dank u.', rules, context);
    expect(missing?.fix?.start).toBe('@anne@mastodon.example '.length);
  });

  it('is not taken for an e-mail address by the privacy rule; an address still is', () => {
    const rules = tonePreset('public').filter((rule) => rule.kind === 'privacy');
    const context = { channel: 'mastodon' as const, lang: 'nl' as const, public: true };
    expect(checkTone('@anne@mastodon.example Beste Anne', rules, context)).toEqual([]);
    expect(checkTone('@anne@mastodon.example mail anne@example.nl', rules, context)).toHaveLength(1);
  });
});
