/** The topic colours the app offers: distinct on light and dark surfaces, none of them the red of "negative". */
export const TOPIC_COLOURS = [
  '#2f6fde',
  '#0f8b8d',
  '#6a4fc8',
  '#b4589e',
  '#c7791c',
  '#5b8a2b',
  '#8a6d3b',
  '#4d6b8a',
] as const;
