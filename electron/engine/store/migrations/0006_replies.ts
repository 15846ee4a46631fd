/** Migration 6 — replies: templates, tone rules, replies, approvals. (Placeholder until filled in this session: a workspace migrated while it was empty must be deleted.) */
export default /* sql */ `
SELECT 1;
`;
