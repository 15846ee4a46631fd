/** Names for demo authors and the organisation's own staff. Every person and account here is invented. */

/** Lists are written as one `|`-separated string so they stay compact. */
const names = (list: string): readonly string[] => list.split('|');

export const DUTCH_FIRST_NAMES: readonly string[] = names(
  'Jan|Piet|Kees|Henk|Gerrit|Wim|Joost|Bram|Daan|Sem|Lucas|Thijs|Tim|Koen|Stijn|Ruud|Frank|Bas|Niels|' +
    'Jeroen|Mark|Maarten|Rik|Luuk|Jesse|Mohammed|Yusuf|Emre|Bart|Hans|Ton|Harrie|Sjaak|Jos|Driek|Tijn|' +
    'Milan|Finn|Anouk|Sanne|Lotte|Eva|Emma|Julia|Sophie|Fleur|Lieke|Iris|Femke|Marloes|Ingrid|Anja|Mieke|' +
    'Ria|Ans|Petra|Linda|Esther|Noor|Fatima|Yasmina|Naomi|Demi|Romy|Sara|Lisa|Tessa|Maud|Roos|Toos|Mien|' +
    'Jolien|Kim|Nina',
);

export const DUTCH_LAST_NAMES: readonly string[] = names(
  'van den Heuvel|van de Ven|van Dijk|de Jong|Jansen|van der Heijden|van Gestel|Verhoeven|van Dongen|' +
    'Janssen|Smits|van der Linden|Bosch|Hendriks|Peters|van Rooij|Schellekens|van Loon|Vermeulen|' +
    'van Beek|Willems|Mutsaers|Kuijpers|van Hout|Bax|de Kort|van Lieshout|Maas|Claassen|Wouters|' +
    'van der Sande|Leenders|Brouwers|Vos|van Kempen|Aarts|van Erp|Coolen|Raaijmakers|Yilmaz|El Amrani|' +
    'Bakker|Meijer|de Bruijn|van Asseldonk|Verbakel',
);

export const ENGLISH_FIRST_NAMES: readonly string[] = names(
  'James|Oliver|Priya|Arjun|Wei|Sofia|Mateo|Elena|Anna|Olga|Marco|Giulia|Tomasz|Kasia|Ahmed|Chloe|' +
    'Emily|Daniel|Ben|Sam|Rachel|Hannah|Ravi|Ananya|Chen|Yuki|Diego|Camila|Ioana|Andrei|Nikos|Maria|Sean|' +
    'Aisling|Liam|Grace',
);

export const ENGLISH_LAST_NAMES: readonly string[] = names(
  "Smith|Brown|Patel|Sharma|Nguyen|Kowalski|Rossi|Garcia|Novak|O'Connor|Murphy|Chen|Wang|Kumar|Iyer|" +
    'Silva|Costa|Popescu|Papadopoulos|Tanaka|Kim|Evans|Walker|Hughes',
);

/** A webcare operator of the organisation: who mentions are assigned to. */
export interface DemoOperator {
  /** The profile name, which is also what mentions are assigned to and replies are signed with. */
  name: string;
  initials: string;
  colour: string;
  language: 'nl' | 'en';
}

/** The webcare team's operator profiles, busiest first (workflow.ts weighs them in this order). */
export const OPERATOR_PROFILES: readonly DemoOperator[] = [
  { name: 'Sanne Jansen', initials: 'SJ', colour: '#2f5bd3', language: 'nl' },
  { name: 'Mehmet Yilmaz', initials: 'MY', colour: '#18794a', language: 'nl' },
  { name: 'Lotte van Dijk', initials: 'LD', colour: '#8e4ec6', language: 'nl' },
  { name: 'Ruben Smits', initials: 'RS', colour: '#b4541a', language: 'nl' },
  { name: 'Noor El Amrani', initials: 'NE', colour: '#0f7b8a', language: 'en' },
  { name: 'Daan Verhoeven', initials: 'DV', colour: '#a8326e', language: 'nl' },
];

/** The operators' names, in the same order. */
export const OPERATORS: readonly string[] = OPERATOR_PROFILES.map((operator) => operator.name);

export type AccountKind = 'news' | 'journalist' | 'organisation';

export interface DemoAccount {
  displayName: string;
  kind: AccountKind;
  lang: 'nl' | 'en';
  /** Typical audience: followers on social channels, readers for a site. */
  followers: number;
  /** Handle per channel the account posts on; for rss the site's domain. */
  handles: Readonly<Record<string, string>>;
  /** Topics the account mostly posts about; empty means all. */
  topics: readonly string[];
}

/** Local media, blogs, journalists and associations: the few high-reach voices. */
export const ACCOUNTS: readonly DemoAccount[] = [
  {
    displayName: 'Dommelstad Courant',
    kind: 'news',
    lang: 'nl',
    followers: 42_000,
    handles: {
      rss: 'dommelstadcourant.nl',
      x: 'DommelCourant',
      facebook: 'dommelstadcourant',
      instagram: 'dommelstadcourant',
      bluesky: 'dommelstadcourant.bsky.social',
    },
    topics: [],
  },
  {
    displayName: 'Omroep Dommelland',
    kind: 'news',
    lang: 'nl',
    followers: 85_000,
    handles: {
      rss: 'omroepdommelland.nl',
      x: 'OmroepDommelland',
      youtube: 'OmroepDommelland',
      facebook: 'omroepdommelland',
      instagram: 'omroepdommelland',
      mastodon: 'omroepdommelland@mastodon.nl',
    },
    topics: [],
  },
  {
    displayName: 'Meierij Vandaag',
    kind: 'news',
    lang: 'nl',
    followers: 12_000,
    handles: { rss: 'meierijvandaag.nl', x: 'MeierijVandaag', facebook: 'meierijvandaag' },
    topics: [],
  },
  {
    displayName: 'Uit in Dommelstad',
    kind: 'news',
    lang: 'nl',
    followers: 6_000,
    handles: { rss: 'uitindommelstad.nl', instagram: 'uitindommelstad' },
    topics: ['nightlife', 'city'],
  },
  {
    displayName: 'Buitengebied Online',
    kind: 'news',
    lang: 'nl',
    followers: 3_000,
    handles: { rss: 'buitengebiedonline.nl', facebook: 'buitengebiedonline' },
    topics: ['broadband', 'lighting'],
  },
  {
    displayName: 'Stadsblog Dommelstad',
    kind: 'news',
    lang: 'nl',
    followers: 2_500,
    handles: { rss: 'stadsblogdommelstad.nl', mastodon: 'stadsblog@dommelstad.social' },
    topics: ['budget', 'city', 'lighting'],
  },
  {
    displayName: 'Expat in Brabant',
    kind: 'news',
    lang: 'en',
    followers: 9_000,
    handles: { rss: 'expatinbrabant.com', instagram: 'expatinbrabant', linkedin: 'expat-in-brabant' },
    topics: [],
  },
  {
    displayName: 'Inge Verhagen | Dommelstad Courant',
    kind: 'journalist',
    lang: 'nl',
    followers: 18_000,
    handles: { x: 'IngeVerhagen_DC', bluesky: 'ingeverhagen.bsky.social', linkedin: 'inge-verhagen-journalist' },
    topics: [],
  },
  {
    displayName: 'Ruud Maas',
    kind: 'journalist',
    lang: 'nl',
    followers: 9_000,
    handles: { x: 'ruudmaas', mastodon: 'ruudmaas@mastodon.nl' },
    topics: ['budget', 'broadband'],
  },
  {
    displayName: 'Femke Panken (Omroep Dommelland)',
    kind: 'journalist',
    lang: 'nl',
    followers: 11_000,
    handles: { x: 'FemkePanken', instagram: 'femkepanken', youtube: 'FemkePanken' },
    topics: ['nightlife', 'city'],
  },
  {
    displayName: 'Horeca Kroegstraat',
    kind: 'organisation',
    lang: 'nl',
    followers: 4_800,
    handles: { instagram: 'horecakroegstraat', facebook: 'horecakroegstraat', x: 'HorecaKroeg' },
    topics: ['nightlife'],
  },
  {
    displayName: 'Bewonersvereniging Kroegstraat e.o.',
    kind: 'organisation',
    lang: 'nl',
    followers: 900,
    handles: { facebook: 'bewonerskroegstraat', forum: 'Bewoners_Kroegstraat' },
    topics: ['nightlife'],
  },
  {
    displayName: 'Ondernemersvereniging Centrum Dommelstad',
    kind: 'organisation',
    lang: 'nl',
    followers: 2_200,
    handles: { linkedin: 'ondernemersvereniging-centrum-dommelstad', facebook: 'ovcentrumdommelstad' },
    topics: ['city', 'budget', 'nightlife'],
  },
  {
    displayName: 'Glasvezelcoöperatie Buitengebied',
    kind: 'organisation',
    lang: 'nl',
    followers: 1_500,
    handles: { facebook: 'glasvezelbuitengebied', linkedin: 'glasvezelcooperatie-buitengebied' },
    topics: ['broadband'],
  },
  {
    displayName: 'Dommelstad Internationals',
    kind: 'organisation',
    lang: 'en',
    followers: 5_000,
    handles: { facebook: 'dommelstadinternationals', linkedin: 'dommelstad-internationals' },
    topics: [],
  },
];

/** How the organisation itself is named on each channel, for `{org}` in the sentences. */
export const ORGANISATION = {
  name: 'Gemeente Dommelstad',
  website: 'https://www.dommelstad.nl',
  forum: 'https://praatmee.dommelstad.nl',
  byChannel: {
    x: '@GemDommelstad',
    instagram: '@gemeentedommelstad',
    bluesky: '@dommelstad.nl',
    mastodon: '@gemeente@dommelstad.social',
    facebook: 'Gemeente Dommelstad',
    linkedin: 'Gemeente Dommelstad',
    youtube: '@GemeenteDommelstad',
    rss: 'de gemeente',
    forum: 'de gemeente',
  } as Readonly<Record<string, string>>,
} as const;
