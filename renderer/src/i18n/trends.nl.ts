/** Dutch texts of the trends feature (merged into nl.ts); top-level keys here belong to the trends feature only. */
export const trendsNl = {
  trendsPlaceholder: { title: '' },
};
