/** Migration 7 — trends: rollups, annotations, external signals. (Placeholder until filled in this session: a workspace migrated while it was empty must be deleted.) */
export default /* sql */ `
SELECT 1;
`;
