import type { inboxUiNl } from './inbox.nl';
import type { Messages } from './en';

/** English texts of the inbox feature (merged into en.ts). */
export const inboxUiEn: Messages<typeof inboxUiNl> = {
  inboxUiPlaceholder: { title: '' },
};
