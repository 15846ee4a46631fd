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
  OPERATOR_PROFILES,
  ORGANISATION,
} from './people';
export type { AccountKind, DemoAccount, DemoOperator } from './people';
export { DESK } from './desk';
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

/** A saved topic of the demo workspace. */
export interface DemoTopicQuery {
  key: DemoTopicKey;
  name: string;
  /** In the query language (shared/query). */
  query: string;
  colour: string;
}

/**
 * The topics a demo workspace starts with, one per subject, written in the query language. Each finds
 * (nearly) all the mentions generated for its subject; a few mentions belong to two, as in real life (a
 * question about smart lighting in the Kroegstraat, the fair closing the Kroegstraat). demo/topics.test.ts
 * holds them to that.
 */
export const DEMO_TOPIC_QUERIES: readonly DemoTopicQuery[] = [
  {
    key: 'nightlife',
    name: 'Kroegstraat',
    query:
      'kroegstraat OR uitgaansstraat OR nachtleven OR nightlife OR horeca OR kroeg OR portiers OR bouncers OR "gouden leeuw" OR "zwarte kat" OR nachtegaal OR hoekske OR "club vonk" OR proeflokaal OR "cafe sjors" OR "danscafe rits" OR "kleine kroeg" OR nachtburgemeester OR geluidsoverlast OR vechtpartij OR huldiging OR eindfeest OR "smalle straat" OR "gratis concert"',
    colour: '#b4589e',
  },
  {
    key: 'broadband',
    name: 'Glasvezel buitengebied',
    query:
      'glasvezel OR fibre OR fiber OR internet OR aanleg OR huisaansluiting OR dommelnet OR vezelwerk OR brabantvezel OR monteur OR graafwerk OR schouwen OR buitengebied OR kabel OR mbit OR gbit OR mbps OR gbps',
    colour: '#2f6fde',
  },
  {
    key: 'lighting',
    name: 'Openbare verlichting',
    query:
      'verlichting OR verlicht OR straatverlichting OR ledverlichting OR lantaarnpaal OR lantaarnpalen OR straatlantaarn OR lamp* OR licht OR donker OR donkere OR pikkedonker OR streetlight* OR lighting OR light OR lights OR dark',
    colour: '#c7791c',
  },
  {
    key: 'budget',
    name: 'Begroting en inspraak',
    query:
      'begroting* OR burgerbegroting OR budget OR inspraak OR wijkbudget OR bezuinig* OR ozb OR "praat mee" OR belasting* OR afvalstoffenheffing OR rioolheffing OR parkeertarief OR cuts OR cutting OR taxes OR "geen geld" OR "extra geld" OR prioriteiten OR inleveren OR mantelzorg OR meebeslissen OR "get to decide" OR "hoeveel gaat er naar"',
    colour: '#5b8a2b',
  },
  {
    key: 'service',
    name: 'Klantcontact',
    query:
      'paspoort OR passport OR "id-kaart" OR "id card" OR rijbewijs OR uittreksel OR verhuizing OR afspraak OR grofvuilafspraak OR appointment OR wachttijd OR wachtrijen OR "in de wacht" OR "on hold" OR balie OR chat OR klantcontactcentrum OR stadskantoor OR "city office" OR "call centre" OR "front desk" OR afvalpas OR "waste pass" OR parkeervergunning OR "parking permit" OR "residence registration" OR register OR "14 0499" OR "melding openbare ruimte" OR medewerker OR website OR "de app" OR "the app"',
    colour: '#0f8b8d',
  },
  {
    key: 'city',
    name: 'Stad en evenementen',
    query:
      'weekmarkt OR dommelfestival OR "dommel festival" OR kermis OR kerstmarkt OR koningsdag OR "king\'s day" OR braderie OR sinterklaas OR stadspark OR markt OR stationsplein OR fietsenstalling OR dommelbad OR speeltuin OR wegafsluiting OR omleiding OR afsluiting OR fietsbrug OR riolering OR container OR "oud papier" OR plasticzak OR grofvuil OR zwerfafval OR afvalinzameling OR festival OR market OR "city park" OR "station square" OR "bike parking" OR "road closure" OR detour OR fair OR litter OR "waste collection" OR #uittips OR #thingstodo',
    colour: '#6a4fc8',
  },
];
