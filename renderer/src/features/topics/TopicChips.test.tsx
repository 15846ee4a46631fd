// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { TFunction } from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { TopicChipsWith } from './TopicChips';
import { useTopics } from './topicsStore';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

const t = ((key: string, options?: { names?: string; count?: number }) =>
  `${key} ${options?.names ?? options?.count ?? ''}`) as unknown as TFunction;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

describe('TopicChipsWith', () => {
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
    act(() => root!.render(<TopicChipsWith ids={[1, 3]} max={1} t={t} />));
    const chip = host.querySelector('.topic-chip');
    expect(chip?.textContent).toBe('Storing');
    expect(host.querySelector('.topic-chips__more')?.textContent).toBe('topics.more 1');

    act(() => root!.render(<TopicChipsWith ids={[2]} max={1} t={t} />));
    expect(host.querySelectorAll('.topic-chip')).toHaveLength(1);
    expect(host.querySelector('.topic-chip')).toBe(chip);
    expect(chip?.textContent).toBe('Factuur');
    expect((chip as HTMLElement).style.getPropertyValue('--topic-colour')).toBe('#0a0');
    expect(host.querySelector('.topic-chips')?.getAttribute('title')).toBe('Factuur');
    expect(host.querySelector('.topic-chips__more')).toBeNull();
  });
});
