import { describe, expect, it } from 'vitest';
import { defaultDashboard, readSaved } from './dashboards';

describe('saved dashboards', () => {
  it('reads back what was saved, filling in choices added since (granularity)', () => {
    const { granularity: _dropped, ...older } = defaultDashboard('Overzicht');
    const saved = readSaved(JSON.stringify({ current: 'Overzicht', dashboards: [older] }));
    expect(saved?.dashboards[0]?.granularity).toBe('auto');
    expect(saved?.dashboards[0]?.panels.map((panel) => panel.kind)).toEqual([
      'volume',
      'sentiment',
      'shareOfVoice',
      'heatmap',
      'terms',
      'sentimentMix',
    ]);
  });

  it('drops anything it cannot read instead of breaking the page', () => {
    expect(readSaved(null)).toBeNull();
    expect(readSaved('{not json')).toBeNull();
    expect(readSaved(JSON.stringify({ current: 'x', dashboards: [] }))).toBeNull();
    expect(
      readSaved(JSON.stringify({ current: 'x', dashboards: [{ name: 'x', panels: [{ kind: 'pie' }] }] })),
    ).toBeNull();
  });
});
