import type { repliesNl } from './replies.nl';
import type { Messages } from './en';

/** English texts of the replies feature (merged into en.ts). */
export const repliesEn: Messages<typeof repliesNl> = {
  repliesPlaceholder: { title: '' },
};
