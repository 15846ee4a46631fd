/**
 * Rejects carry a stable reason code and its parameters (so the UI can say why in the operator's
 * language), and live sources keep their backoff across a restart: a source a server told to wait
 * does not poll again the moment the app starts.
 */
export default /* sql */ `
-- e.g. 'date_unparseable'; NULL for rejects kept before codes existed (their reason text stays)
ALTER TABLE rejected_records ADD COLUMN code TEXT;
-- JSON object: where (unit, no) and what (field, value, ...) the code is about
ALTER TABLE rejected_records ADD COLUMN params TEXT CHECK (params IS NULL OR json_valid(params));

-- consecutive errors so far (the backoff step), the planned next try, and the server's Retry-After
ALTER TABLE sources ADD COLUMN error_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sources ADD COLUMN next_try_at INTEGER;
ALTER TABLE sources ADD COLUMN not_before INTEGER;
`;
