import { describe, expect, it } from 'vitest';
import {
  COLUMN_IDS,
  DEFAULT_COLUMN_STATE,
  gridTemplate,
  moveColumn,
  parseColumnState,
  resizeColumn,
  toggleColumn,
  visibleColumns,
} from './columnState';

describe('inbox column state', () => {
  it('round-trips through JSON: choice, order and width come back as they were left', () => {
    let state = toggleColumn(DEFAULT_COLUMN_STATE, 'topics');
    state = moveColumn(state, 'priority', -1);
    state = resizeColumn(state, 'author', 220);
    const again = parseColumnState(JSON.stringify(state));
    expect(again).toEqual(state);
    expect(visibleColumns(again)).not.toContain('topics');
    expect(again.order.indexOf('priority')).toBe(again.order.indexOf('assignee') - 1);
    expect(again.widths.author).toBe(220);
  });

  it('repairs what another version or a hand edit left behind instead of failing', () => {
    const state = parseColumnState(
      JSON.stringify({
        order: ['text', 'bogus', 'text', 'time'],
        hidden: ['text', 'channel'],
        widths: { time: 1e9, x: 3 },
      }),
    );
    expect(state.order.slice(0, 2)).toEqual(['text', 'time']);
    expect([...state.order].sort()).toEqual([...COLUMN_IDS].sort());
    expect(state.hidden).toEqual(['channel']);
    expect(state.widths.time).toBe(640);
    expect(parseColumnState('{not json')).toEqual(DEFAULT_COLUMN_STATE);
  });

  it('never hides the text, and moving past either end changes nothing', () => {
    expect(toggleColumn(DEFAULT_COLUMN_STATE, 'text')).toBe(DEFAULT_COLUMN_STATE);
    expect(moveColumn(DEFAULT_COLUMN_STATE, 'time', -1)).toBe(DEFAULT_COLUMN_STATE);
    expect(moveColumn(DEFAULT_COLUMN_STATE, 'priority', 1)).toBe(DEFAULT_COLUMN_STATE);
  });

  it('lays out the checkbox, then each visible column, with only the text stretching', () => {
    const template = gridTemplate(toggleColumn(DEFAULT_COLUMN_STATE, 'channel'));
    const tracks = template.split(/ (?![^(]*\))/);
    expect(tracks).toHaveLength(1 + COLUMN_IDS.length - 1);
    expect(tracks.filter((track) => track.includes('1fr'))).toEqual(['minmax(220px, 1fr)']);
  });
});
