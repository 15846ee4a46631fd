/** Methods of trends: rollups, panels, annotations, external signals (merged into contract.ts). */
export const trendMethods = {} as const;
