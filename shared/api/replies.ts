/** Methods of replies: templates, tone of voice, approval, sending (merged into contract.ts). */
export const replyMethods = {} as const;
