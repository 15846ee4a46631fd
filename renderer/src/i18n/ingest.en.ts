import type { ingestNl } from './ingest.nl';
import type { Messages } from './en';

/** English texts added by the ingest work (merged into en.ts). */
export const ingestEn: Messages<typeof ingestNl> = {
  ingestPlaceholder: { title: '' },
};
