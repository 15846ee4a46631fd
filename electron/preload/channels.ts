/**
 * The only two IPC channels between a Watchpost window and the main process. Main and preload import
 * them from here so they cannot drift apart; nothing else crosses the process boundary.
 */
export const CALL_CHANNEL = 'watchpost:call';
export const EVENT_CHANNEL = 'watchpost:event';
