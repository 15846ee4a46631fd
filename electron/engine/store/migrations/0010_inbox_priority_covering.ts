/**
 * The inbox's priority order carries the columns the filter bar filters on, so a filtered list read in
 * priority order is read from the index alone. Along the old index (priority, created_at, id) every entry
 * looked its row up to test the filter: page 50 of a sparse filter (a small channel, a channel and an
 * operator) looked up a few hundred thousand rows (0.3–1.8 s at 1M mentions); read from this index it tests
 * the entries themselves (some 0.15 µs each, 40–90 ms for the same page). A range on priority ("70 and up")
 * is read from it alone too. Same name, so every `INDEXED BY mentions_priority` and the import's kept
 * indexes stay as they are. About 3.3 s CPU at 1M instead of some 1.5 s for the narrow index, and 55 MB
 * instead of 20 MB.
 */
export default /* sql */ `
DROP INDEX mentions_priority;
CREATE INDEX mentions_priority ON mentions
  (priority DESC, created_at DESC, id DESC, channel, lang, sentiment, status, assignee, reach);
`;
