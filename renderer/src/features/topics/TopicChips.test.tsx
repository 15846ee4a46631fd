// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { TFunction } from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { topicChips } from './TopicChips';
import { useTopics } from './topicsStore';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

const t = ((key: string, options?: { names?: string; count?: number }) =>
  `${key} ${options?.names ?? options?.count ?? ''}`) as unknown as TFunction;

/** The inbox row's cell: the chips from the table's topics and `t`, at most one. */
function RowChips({ ids }: { ids: number[] }) {
  return topicChips(ids, useTopics.getState().byId, t, 1);
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

describe('topicChips', () => {
  it('shows another mention’s topics in the same chips (a list row reused for another mention)', () => {
    const topics = [
      { id: 1, name: 'Storing', colour: '#c00' },
      { id: 2, name: 'Factuur', colour: '#0a0' },
      { id: 3, name: 'Bereik', colour: '#00c' },
    ];
    useTopics.setState({ topics: topics as never, byId: new Map(topics.map((topic) => [topic.id, topic])) as never });
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(<RowChips ids={[1, 3]} />));
    const chip = host.querySelector('.topic-chip');
    expect(chip?.textContent).toBe('Storing');
    expect(host.querySelector('.topic-chips__more')?.textContent).toBe('topics.more 1');

    act(() => root!.render(<RowChips ids={[2]} />));
    expect(host.querySelectorAll('.topic-chip')).toHaveLength(1);
    expect(host.querySelector('.topic-chip')).toBe(chip);
    expect(chip?.textContent).toBe('Factuur');
    expect((chip as HTMLElement).style.getPropertyValue('--topic-colour')).toBe('#0a0');
    expect(host.querySelector('.topic-chips')?.getAttribute('title')).toBe('Factuur');
    expect(host.querySelector('.topic-chips__more')).toBeNull();
  });
});
