/** Migration 5 — inbox workflow: spam status, tags, notes, saved views, operators, response times. (Placeholder until filled in this session: a workspace migrated while it was empty must be deleted.) */
export default /* sql */ `
SELECT 1;
`;
