import type { InboxSettings } from '../../../shared/api/inbox';
import { recordAudit } from '../audit/record';
import { getMeta, setMeta } from '../mentions/write';
import type { Db } from '../store/db';

const REMOTE_MEDIA_KEY = 'inbox.remoteMedia';

/**
 * The workspace's inbox settings. `remoteMedia` (off until someone turns it on) decides whether the detail
 * pane loads a post's pictures from the site that hosts them, or only links to them: loading tells that
 * site the desk's IP address and that the post was looked at, so it is a choice for the workspace.
 */
export function inboxSettings(db: Db): InboxSettings {
  return { remoteMedia: getMeta(db, REMOTE_MEDIA_KEY) === 'on' };
}

/** Changes the settings, written to the audit log with who did it. */
export function saveInboxSettings(db: Db, operator: string, change: Partial<InboxSettings>): InboxSettings {
  return db
    .transaction(() => {
      const before = inboxSettings(db);
      if (change.remoteMedia !== undefined && change.remoteMedia !== before.remoteMedia) {
        setMeta(db, REMOTE_MEDIA_KEY, change.remoteMedia ? 'on' : 'off');
        recordAudit(db, {
          actor: operator,
          action: 'settings.remoteMedia',
          entity: 'workspace',
          entityId: null,
          detail: { before: before.remoteMedia, after: change.remoteMedia },
        });
      }
      return inboxSettings(db);
    })
    .immediate();
}
