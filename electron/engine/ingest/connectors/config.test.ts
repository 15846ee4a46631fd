import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMemoryWorkspace } from '../../store/db';
import { ensureSource } from '../../mentions/write';
import { openSecret, publicSourceConfig, sealSourceConfig } from './config';
import { tempSecretBox } from './fixtures/context';
import { youtubeConnector } from './youtube';

let secrets: ReturnType<typeof tempSecretBox>;
beforeEach(() => {
  secrets = tempSecretBox();
});
afterEach(() => secrets.dispose());

const KEY = 'AIzaSyD-plain-api-key-that-must-not-leak';
const CHANNEL = 'UCgemeenteFixture000000A';

describe('source settings with credentials', () => {
  it('stores the config with the credential sealed: the database never holds the plain key', () => {
    const db = openMemoryWorkspace();
    const config = sealSourceConfig(youtubeConnector, { channelId: CHANNEL, secrets: { apiKey: KEY } }, secrets.box);
    const id = ensureSource(db, 'youtube', 'Kanaal gemeente', config);
    const stored = db.prepare<[number], { config: string }>('SELECT config FROM sources WHERE id = ?').get(id)!.config;
    expect(stored).not.toContain(KEY);
    expect(stored).not.toContain(Buffer.from(KEY).toString('base64'));
    const parsed = JSON.parse(stored) as { secrets: { apiKey: string } };
    expect(openSecret(secrets.box, parsed.secrets, 'apiKey', 'API key')).toBe(KEY);
    db.close();
  });

  it('keeps a stored credential when an edit leaves it out, and removes it on null', () => {
    const first = sealSourceConfig(youtubeConnector, { channelId: CHANNEL, secrets: { apiKey: KEY } }, secrets.box);
    const edited = sealSourceConfig(
      youtubeConnector,
      { channelId: CHANNEL, intervalSeconds: 3600 },
      secrets.box,
      first,
    );
    expect(edited.secrets.apiKey).toBe(first.secrets.apiKey);
    expect(edited.intervalSeconds).toBe(3600);
    const cleared = sealSourceConfig(
      youtubeConnector,
      { channelId: CHANNEL, secrets: { apiKey: null } },
      secrets.box,
      first,
    );
    expect(cleared.secrets.apiKey).toBeUndefined();
    expect(() => openSecret(secrets.box, cleared.secrets, 'apiKey', 'YouTube API key')).toThrow(
      "no YouTube API key is set: add it in the source's settings",
    );
  });

  it('shows only whether a credential is set', () => {
    const config = sealSourceConfig(youtubeConnector, { channelId: CHANNEL, secrets: { apiKey: KEY } }, secrets.box);
    const shown = publicSourceConfig(config);
    expect(shown.secrets).toEqual({ apiKey: true });
    expect(JSON.stringify(shown)).not.toContain(config.secrets.apiKey!);
  });

  it('refuses credentials the kind does not have, and an interval below 30 s', () => {
    expect(() =>
      sealSourceConfig(youtubeConnector, { channelId: CHANNEL, secrets: { password: 'x' } }, secrets.box),
    ).toThrow("a youtube source has no credential called 'password'");
    expect(() => sealSourceConfig(youtubeConnector, { channelId: CHANNEL, intervalSeconds: 5 }, secrets.box)).toThrow(
      /intervalSeconds/,
    );
  });
});
