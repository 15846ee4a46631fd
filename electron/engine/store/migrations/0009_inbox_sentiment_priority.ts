/**
 * The inbox's sentiment filter in priority order. Priority follows negative sentiment, so the first page of
 * "positive by priority" read along the priority index looked up most of the million rows before it found a
 * hundred positive ones (1.2 s at 1M mentions; 1 ms along this index). About 3 s CPU and 30 MB at 1M.
 */
export default /* sql */ `
CREATE INDEX mentions_sentiment_priority ON mentions (sentiment, priority DESC, created_at DESC, id DESC);
`;
