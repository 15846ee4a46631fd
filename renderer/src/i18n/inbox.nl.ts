/** Dutch texts of the inbox feature (merged into nl.ts); top-level keys here belong to the inbox feature only. */
export const inboxUiNl = {
  inboxUiPlaceholder: { title: '' },
};
