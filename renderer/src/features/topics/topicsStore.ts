import { useEffect } from 'react';
import { create } from 'zustand';
import type { Topic } from '../../../../shared/api/topics';
import { TOPIC_COLOURS } from '../../../../shared/domain/topics';
import { call, subscribe } from '../../api/client';

interface TopicsState {
  topics: Topic[];
  byId: Map<number, Topic>;
  loaded: boolean;
}

export const useTopics = create<TopicsState>(() => ({ topics: [], byId: new Map(), loaded: false }));

let reading: Promise<void> | null = null;
let readAgain = false;

/** Re-reads the topics; calls while a read runs fold into one more read. */
export function refreshTopics(): Promise<void> {
  if (reading) {
    readAgain = true;
    return reading;
  }
  reading = call('topics.list', {})
    .then((topics) => useTopics.setState({ topics, byId: new Map(topics.map((t) => [t.id, t])), loaded: true }))
    .catch(() => {
      // The chips just stay as they were; the next event or page visit reads again.
    })
    .finally(() => {
      reading = null;
      if (readAgain) {
        readAgain = false;
        void refreshTopics();
      }
    });
  return reading;
}

/** Keeps the topic list current while a component that shows topics is on screen. */
export function useTopicFeed(): void {
  useEffect(() => {
    void refreshTopics();
    const stop = [
      subscribe('topics.changed', () => void refreshTopics()),
      subscribe('job.finished', (job) => {
        if (job.kind === 'retag') void refreshTopics();
      }),
    ];
    return () => stop.forEach((unsubscribe) => unsubscribe());
  }, []);
}

export const COLOUR_NAMES = ['blue', 'teal', 'purple', 'pink', 'orange', 'green', 'brown', 'slate'] as const;

/** The palette colour least used by the topics so far, so a new topic stands apart from the others. */
export function nextColour(topics: Topic[]): string {
  const uses = (colour: string) => topics.filter((topic) => topic.colour === colour).length;
  return [...TOPIC_COLOURS].sort((a, b) => uses(a) - uses(b))[0] ?? TOPIC_COLOURS[0];
}
