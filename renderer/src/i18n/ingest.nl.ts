/** Dutch texts added by the ingest work (reject reasons and the like; merged into nl.ts). */
export const ingestNl = {
  ingestPlaceholder: { title: '' },
};
