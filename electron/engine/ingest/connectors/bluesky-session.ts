import { z } from 'zod';
import { asObject, asText } from '../formats/values';
import { SourceError } from './errors';
import { httpJson } from './http';
import type { PollContext } from './types';

/** A session as kept in the cursor: both tokens sealed, like every credential at rest. */
export const StoredSession = z.object({
  identifier: z.string(),
  did: z.string(),
  accessJwt: z.string(),
  refreshJwt: z.string(),
});
export type StoredSession = z.infer<typeof StoredSession>;

export interface Session {
  identifier: string;
  did: string;
  accessJwt: string;
  refreshJwt: string;
}

/** Refresh this long before the access token runs out, so a poll never starts with a dying token. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * An atproto session for an app password: reuse the stored one while its access token lives,
 * refresh it (com.atproto.server.refreshSession) when it has expired, and log in again
 * (com.atproto.server.createSession) only when the refresh token is gone too. Logins are rate
 * limited hard by the PDS, so this order matters.
 */
export class BlueskySession {
  private current: Session | null;

  constructor(
    private readonly service: string,
    private readonly identifier: string,
    private readonly appPassword: string,
    stored: StoredSession | undefined,
    private readonly ctx: PollContext,
  ) {
    this.current = stored && stored.identifier === identifier ? unseal(stored, ctx) : null;
  }

  /** The session to store in the cursor (sealed), or undefined when there is none. */
  sealed(): StoredSession | undefined {
    const s = this.current;
    return s
      ? { ...s, accessJwt: this.ctx.box.seal(s.accessJwt), refreshJwt: this.ctx.box.seal(s.refreshJwt) }
      : undefined;
  }

  /** An access token that has not expired (as far as its `exp` tells). */
  async accessToken(): Promise<string> {
    if (!this.current) this.current = await this.create();
    else if (expiresAt(this.current.accessJwt) < this.ctx.now() + EXPIRY_MARGIN_MS) this.current = await this.refresh();
    return this.current.accessJwt;
  }

  /** After the server said the token expired: refresh, or log in again. */
  async renew(): Promise<string> {
    this.current = this.current ? await this.refresh() : await this.create();
    return this.current.accessJwt;
  }

  private async create(): Promise<Session> {
    const url = new URL(`${this.service}/xrpc/com.atproto.server.createSession`);
    try {
      const answer = await httpJson(
        this.ctx,
        { url, method: 'POST', json: { identifier: this.identifier, password: this.appPassword } },
        'the login',
      );
      return this.readSession(answer, url);
    } catch (err) {
      if (err instanceof SourceError && err.kind === 'auth') {
        const said = asText(asObject(err.details.body)?.message) ?? `${err.details.status ?? ''} from the server`;
        throw new SourceError(
          'auth',
          `Bluesky refused the app password for ${this.identifier} (${said}): check it in the source's settings`,
          err.details,
        );
      }
      throw err;
    }
  }

  private async refresh(): Promise<Session> {
    const url = new URL(`${this.service}/xrpc/com.atproto.server.refreshSession`);
    try {
      const answer = await httpJson(
        this.ctx,
        { url, method: 'POST', headers: { authorization: `Bearer ${this.current?.refreshJwt ?? ''}` } },
        'the session refresh',
      );
      return this.readSession(answer, url);
    } catch (err) {
      if (isExpired(err)) return this.create();
      throw err;
    }
  }

  private readSession(answer: unknown, url: URL): Session {
    const body = asObject(answer);
    const accessJwt = asText(body?.accessJwt);
    const refreshJwt = asText(body?.refreshJwt);
    const did = asText(body?.did);
    if (!accessJwt || !refreshJwt || !did)
      throw new SourceError('bad_response', `${url.host} answered the login without a session`);
    return { identifier: this.identifier, did, accessJwt, refreshJwt };
  }
}

/** A stored session the box cannot open (e.g. a new key file) is simply forgotten: a login replaces it. */
function unseal(stored: StoredSession, ctx: PollContext): Session | null {
  try {
    return { ...stored, accessJwt: ctx.box.open(stored.accessJwt), refreshJwt: ctx.box.open(stored.refreshJwt) };
  } catch {
    return null;
  }
}

/** The server says the token is no good any more (atproto: 400 ExpiredToken / InvalidToken, or 401). */
export function isExpired(err: unknown): boolean {
  if (!(err instanceof SourceError)) return false;
  const code = asText(asObject(err.details.body)?.error);
  return code === 'ExpiredToken' || code === 'InvalidToken' || err.details.status === 401;
}

/** `exp` of a JWT in ms; a token we cannot read counts as valid and is refreshed when the server says so. */
function expiresAt(jwt: string): number {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
