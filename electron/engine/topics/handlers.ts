import type { Handlers } from '../dispatcher';
import type { TopicService } from './service';

export function topicHandlers(topics: TopicService): Pick<Handlers, 'topics.list' | 'topics.save' | 'topics.delete'> {
  return {
    'topics.list': () => topics.list(),
    'topics.save': (input) => topics.save(input),
    'topics.delete': (input) => topics.delete(input),
  };
}
