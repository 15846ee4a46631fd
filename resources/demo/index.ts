import { BROADBAND } from './topics/broadband';
import { BUDGET } from './topics/budget';
import { CITY } from './topics/city';
import { LIGHTING } from './topics/lighting';
import { NIGHTLIFE } from './topics/nightlife';
import { SERVICE } from './topics/service';
import type { TopicVocabulary } from './types';

export { SHARED_EN, SHARED_NL } from './common';
export { INCIDENT_VOCABULARY } from './incidents';
export {
  ACCOUNTS,
  DUTCH_FIRST_NAMES,
  DUTCH_LAST_NAMES,
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  OPERATORS,
  ORGANISATION,
} from './people';
export type { AccountKind, DemoAccount } from './people';
export { MUNICIPALITIES } from './places';
export type * from './types';

/** The subjects people post about in the demo, in a fixed order (the order is part of the seed's meaning). */
export const DEMO_TOPIC_KEYS = ['nightlife', 'broadband', 'lighting', 'budget', 'service', 'city'] as const;
export type DemoTopicKey = (typeof DEMO_TOPIC_KEYS)[number];

export const TOPIC_VOCABULARY: Readonly<Record<DemoTopicKey, TopicVocabulary>> = {
  nightlife: NIGHTLIFE,
  broadband: BROADBAND,
  lighting: LIGHTING,
  budget: BUDGET,
  service: SERVICE,
  city: CITY,
};

/**
 * Saved topics a demo workspace can start with, written in the query language: each one finds most of the
 * mentions generated for its subject.
 */
export const DEMO_TOPIC_QUERIES: readonly { key: DemoTopicKey; name: string; query: string }[] = [
  {
    key: 'nightlife',
    name: 'Kroegstraat',
    query: 'kroegstraat OR uitgaan OR nachtleven OR nightlife OR horeca OR portiers OR bouncers OR terras*',
  },
  {
    key: 'broadband',
    name: 'Glasvezel buitengebied',
    query:
      'glasvezel OR fibre OR fiber OR "snel internet" OR "fast internet" OR aanleg OR huisaansluiting OR dommelnet OR vezelwerk OR brabantvezel',
  },
  {
    key: 'lighting',
    name: 'Openbare verlichting',
    query:
      'verlichting OR straatverlichting OR lantaarnpaal OR lantaarnpalen OR straatlantaarn OR pikkedonker OR streetlight* OR lighting OR lamp*',
  },
  {
    key: 'budget',
    name: 'Begroting en inspraak',
    query: 'begroting* OR burgerbegroting OR budget OR inspraak OR wijkbudget OR bezuinig* OR ozb OR "praat mee"',
  },
  {
    key: 'service',
    name: 'Klantcontact',
    query:
      'paspoort OR passport OR rijbewijs OR afspraak OR appointment OR wachttijd OR "in de wacht" OR "on hold" OR balie OR chat OR stadskantoor OR klantcontactcentrum OR "city office" OR "call centre" OR afvalpas OR parkeervergunning',
  },
];
