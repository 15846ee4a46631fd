/** Dutch texts of the replies feature (merged into nl.ts); top-level keys here belong to the replies feature only. */
export const repliesNl = {
  repliesPlaceholder: { title: '' },
};
