import type { trendsNl } from './trends.nl';
import type { Messages } from './en';

/** English texts of the trends feature (merged into en.ts). */
export const trendsEn: Messages<typeof trendsNl> = {
  trendsPlaceholder: { title: '' },
};
