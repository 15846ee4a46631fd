/** Methods of the inbox's workflow: status, assignment, tags, notes, saved views, operators, presence (merged into contract.ts). */
export const inboxMethods = {} as const;
