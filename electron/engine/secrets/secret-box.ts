/**
 * Seals credentials (access tokens, app passwords, API keys) before they are written to the
 * database, and opens them when a connector needs them. Sealed text is opaque and safe to store.
 *
 * Two implementations fit this interface: the key-file box here (CLI / host mode) and, in the
 * desktop app, one built on Electron's `safeStorage` that the main process hands to the engine.
 * A box must fail loudly (throw) on sealed text it cannot open, never return garbage.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** What a credential looks like on screen: whether it is set, never its value. */
export function maskSecret(sealed: string | null | undefined): string {
  return sealed ? '•••••• (set)' : '(not set)';
}
