import type { Handlers } from '../dispatcher';
import type { Engine } from '../engine';
import { generateDemo } from './generate';

export function demoHandlers(engine: Engine): Pick<Handlers, 'demo.generate'> {
  return {
    'demo.generate': (input) => {
      const until = input.until ? Date.parse(input.until) : Date.now();
      const label = `demo: ${input.mentions.toLocaleString('en-GB')} mentions over ${input.years} years (seed ${input.seed})`;
      return engine.jobs.start('demo', label, async (control) => {
        const result = await generateDemo(engine.db, { ...input, until }, control);
        engine.events.emit('mentions.added', {
          count: result.inserted,
          newestAt: result.newestAt === null ? null : new Date(result.newestAt).toISOString(),
        });
        const furnished = result.furnished;
        if (furnished && furnished.topics > 0) {
          engine.topics.reload();
          for (const topic of engine.topics.store.stored()) engine.events.emit('topics.changed', { topicId: topic.id });
        }
        const count = (n: number): string => n.toLocaleString('en-GB');
        return furnished
          ? `${count(result.inserted)} mentions generated, ${count(furnished.topicTags)} topic tags, ${count(furnished.replies)} replies`
          : `${count(result.inserted)} mentions generated`;
      });
    },
  };
}
