import { safeRead } from '../../i18n';

/** The inbox's data columns, in their default order. */
export const COLUMN_IDS = [
  'time',
  'channel',
  'author',
  'text',
  'sentiment',
  'topics',
  'status',
  'assignee',
  'priority',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

/** Which columns show, in what order, how wide (px); the text column takes what is left beyond its width. */
export interface ColumnState {
  order: ColumnId[];
  hidden: ColumnId[];
  widths: Record<ColumnId, number>;
}

/**
 * Sized so that, at 1440 px with the detail pane open, the text keeps most of the row: sentiment and status
 * start as their icons (colour and shape carry the meaning; widen them to see the word).
 */
export const DEFAULT_WIDTHS: Record<ColumnId, number> = {
  time: 92,
  channel: 20,
  author: 140,
  text: 220,
  sentiment: 28,
  topics: 110,
  status: 28,
  assignee: 24,
  priority: 32,
};

export const MIN_WIDTH = 20;
export const MAX_WIDTH = 640;
/** The text is what the operator reads: it can be moved and sized but never hidden. */
export const ALWAYS_SHOWN: ColumnId = 'text';

export const DEFAULT_COLUMN_STATE: ColumnState = { order: [...COLUMN_IDS], hidden: [], widths: DEFAULT_WIDTHS };

const KEY = 'watchpost.inbox.columns';

function isColumnId(value: unknown): value is ColumnId {
  return COLUMN_IDS.includes(value as ColumnId);
}

const clampWidth = (width: number) => Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));

/**
 * Reads a remembered column state. Whatever does not fit (an unknown column from another version,
 * a missing one, a silly width) is repaired rather than thrown away wholesale.
 */
export function parseColumnState(text: string | null): ColumnState {
  if (!text) return DEFAULT_COLUMN_STATE;
  let raw: Partial<Record<keyof ColumnState, unknown>>;
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch {
    return DEFAULT_COLUMN_STATE;
  }
  const listed = Array.isArray(raw.order) ? raw.order.filter(isColumnId) : [];
  const order = [...new Set(listed)];
  for (const id of COLUMN_IDS) if (!order.includes(id)) order.push(id);
  const hidden = Array.isArray(raw.hidden) ? [...new Set(raw.hidden.filter(isColumnId))] : [];
  const widths = { ...DEFAULT_WIDTHS };
  if (raw.widths && typeof raw.widths === 'object') {
    for (const [id, width] of Object.entries(raw.widths as Record<string, unknown>)) {
      if (isColumnId(id) && typeof width === 'number' && Number.isFinite(width)) widths[id] = clampWidth(width);
    }
  }
  return { order, hidden: hidden.filter((id) => id !== ALWAYS_SHOWN), widths };
}

export function loadColumnState(storage: Storage | null): ColumnState {
  return parseColumnState(safeRead(storage, KEY));
}

export function saveColumnState(storage: Storage | null, state: ColumnState): void {
  try {
    storage?.setItem(KEY, JSON.stringify(state));
  } catch {
    // a full quota: the layout lasts for this session
  }
}

export function visibleColumns(state: ColumnState): ColumnId[] {
  return state.order.filter((id) => !state.hidden.includes(id));
}

export function toggleColumn(state: ColumnState, id: ColumnId): ColumnState {
  if (id === ALWAYS_SHOWN) return state;
  const hidden = state.hidden.includes(id) ? state.hidden.filter((other) => other !== id) : [...state.hidden, id];
  return { ...state, hidden };
}

/** Moves a column one place left (-1) or right (+1) among all columns. */
export function moveColumn(state: ColumnState, id: ColumnId, step: -1 | 1): ColumnState {
  const from = state.order.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= state.order.length) return state;
  const order = [...state.order];
  order.splice(from, 1);
  order.splice(to, 0, id);
  return { ...state, order };
}

export function resizeColumn(state: ColumnState, id: ColumnId, width: number): ColumnState {
  return { ...state, widths: { ...state.widths, [id]: clampWidth(width) } };
}

/** The CSS grid track list of the rows: the checkbox, then each visible column; text stretches. */
export function gridTemplate(state: ColumnState): string {
  const tracks = visibleColumns(state).map((id) =>
    id === 'text' ? `minmax(${state.widths.text}px, 1fr)` : `${state.widths[id]}px`,
  );
  return ['28px', ...tracks].join(' ');
}
