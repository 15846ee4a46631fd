import type { Channel } from '../domain/mention';
import type { Intent, ReplyLang, TemplateVariable, TemplateVariant, VariantKind } from './model';

/**
 * The library a new workspace starts with: snippets (greeting, sign-off, privacy notice) and templates for
 * the common webcare situations of a Dutch public organisation, in Dutch and English, short and long.
 * They speak with `u`, matching the default 'public' tone preset.
 */

/** Channels whose replies are short (the `short` variant); the rest get the e-mail-like `long` one. */
const SHORT_CHANNELS: ReadonlySet<Channel> = new Set(['x', 'bluesky', 'mastodon', 'instagram']);

/** The variant length class a channel's replies use. */
export function variantKindForChannel(channel: Channel): VariantKind {
  return SHORT_CHANNELS.has(channel) ? 'short' : 'long';
}

export interface SeedSnippet {
  name: string;
  lang: ReplyLang;
  description: string;
  body: string;
}

export interface SeedTemplate {
  name: string;
  category: string;
  description: string;
  variants: TemplateVariant[];
  variables: TemplateVariable[];
  intents: Intent[];
  keywords: string[];
}

export const SEED_SNIPPETS: readonly SeedSnippet[] = [
  { name: 'greeting', lang: 'nl', description: 'Aanhef', body: 'Beste {{author.name}},' },
  { name: 'greeting', lang: 'en', description: 'Greeting', body: 'Hello {{author.name}},' },
  { name: 'signoff', lang: 'nl', description: 'Afsluiting (kort)', body: '^{{operator.firstName}}' },
  { name: 'signoff', lang: 'en', description: 'Sign-off (short)', body: '^{{operator.firstName}}' },
  {
    name: 'signoff-long',
    lang: 'nl',
    description: 'Afsluiting (lang)',
    body: 'Met vriendelijke groet,\n{{operator.name}}',
  },
  { name: 'signoff-long', lang: 'en', description: 'Sign-off (long)', body: 'Kind regards,\n{{operator.name}}' },
  {
    name: 'privacy',
    lang: 'nl',
    description: 'Privacy-opmerking',
    body: 'Deel geen persoonlijke gegevens zoals uw telefoonnummer of BSN in een openbaar bericht.',
  },
  {
    name: 'privacy',
    lang: 'en',
    description: 'Privacy notice',
    body: 'Please do not share personal details such as your phone number in a public message.',
  },
];

const caseNumber: TemplateVariable = { name: 'case.number', required: true, default: null };

export const SEED_TEMPLATES: readonly SeedTemplate[] = [
  {
    name: 'Storing: excuses en update',
    category: 'Storingen',
    description: 'Erkennen dat iets misgaat en een update beloven.',
    intents: ['complaint'],
    keywords: ['storing', 'werkt niet', 'kapot', 'uitval', 'outage', 'down', 'broken'],
    variables: [caseNumber],
    variants: [
      {
        lang: 'nl',
        kind: 'short',
        body: '{{> greeting}} Sorry dat dit misgaat. We zoeken het uit en laten het u vandaag weten (zaak {{case.number}}). {{> signoff}}',
      },
      {
        lang: 'nl',
        kind: 'long',
        body: '{{> greeting}}\n\nSorry dat dit misgaat. We zoeken uit wat er aan de hand is en laten het u vandaag weten. Uw zaaknummer is {{case.number}}.\n\n{{> signoff-long}}',
      },
      {
        lang: 'en',
        kind: 'short',
        body: '{{> greeting}} Sorry this is not working. We are looking into it and will update you today (case {{case.number}}). {{> signoff}}',
      },
      {
        lang: 'en',
        kind: 'long',
        body: '{{> greeting}}\n\nSorry this is not working. We are looking into it and will update you today. Your case number is {{case.number}}.\n\n{{> signoff-long}}',
      },
    ],
  },
  {
    name: 'Vraag: we zoeken het uit',
    category: 'Vragen',
    description: 'Een vraag die we niet direct kunnen beantwoorden.',
    intents: ['question'],
    keywords: ['vraag', 'hoe', 'wanneer', 'waar', 'question', 'how', 'when'],
    variables: [],
    variants: [
      {
        lang: 'nl',
        kind: 'short',
        body: '{{> greeting}} {{#question}}Goede vraag. {{/question}}We zoeken het voor u uit en komen er vandaag op terug. {{> signoff}}',
      },
      {
        lang: 'nl',
        kind: 'long',
        body: '{{> greeting}}\n\n{{#question}}Dank voor uw vraag. {{/question}}We zoeken het voor u uit en komen er vandaag bij u op terug.\n\n{{> signoff-long}}',
      },
      {
        lang: 'en',
        kind: 'short',
        body: '{{> greeting}} {{#question}}Good question. {{/question}}We will find out and get back to you today. {{> signoff}}',
      },
      {
        lang: 'en',
        kind: 'long',
        body: '{{> greeting}}\n\n{{#question}}Thank you for your question. {{/question}}We will find out and get back to you today.\n\n{{> signoff-long}}',
      },
    ],
  },
  {
    name: 'Privébericht: gegevens',
    category: 'Privacy',
    description: 'Vragen om persoonlijke gegevens in een privébericht te sturen.',
    intents: ['question', 'complaint'],
    keywords: ['adres', 'telefoonnummer', 'bsn', 'gegevens', 'address', 'phone'],
    variables: [caseNumber],
    variants: [
      {
        lang: 'nl',
        kind: 'short',
        body: '{{> greeting}} Wilt u ons een privébericht sturen met zaaknummer {{case.number}}? Dan helpen we u verder. {{> privacy}} {{> signoff}}',
      },
      {
        lang: 'en',
        kind: 'short',
        body: '{{> greeting}} Could you send us a direct message with case number {{case.number}}? Then we can help you further. {{> privacy}} {{> signoff}}',
      },
    ],
  },
  {
    name: 'Melding openbare ruimte',
    category: 'Meldingen',
    description: 'Een melding over afval, straatverlichting of de weg doorzetten.',
    intents: ['complaint'],
    keywords: ['afval', 'container', 'lantaarnpaal', 'straatverlichting', 'gat', 'stoep', 'vuilnis', 'litter'],
    variables: [
      { name: 'team.name', required: false, default: 'het team Openbare Ruimte' },
      { name: 'case.number', required: true, default: null },
    ],
    variants: [
      {
        lang: 'nl',
        kind: 'short',
        body: '{{> greeting}} Bedankt voor uw melding. We hebben hem doorgezet naar {{team.name}} (zaak {{case.number}}). {{> signoff}}',
      },
      {
        lang: 'nl',
        kind: 'long',
        body: '{{> greeting}}\n\nBedankt voor uw melding. We hebben hem doorgezet naar {{team.name}}. Uw zaaknummer is {{case.number}}.\n\n{{> signoff-long}}',
      },
      {
        lang: 'en',
        kind: 'short',
        body: '{{> greeting}} Thank you for reporting this. We have passed it on to {{team.name}} (case {{case.number}}). {{> signoff}}',
      },
    ],
  },
  {
    name: 'Afspraak bevestigen',
    category: 'Afspraken',
    description: 'Een afspraak bevestigen; datum is verplicht.',
    intents: ['question'],
    keywords: ['afspraak', 'appointment', 'loket', 'paspoort', 'rijbewijs'],
    variables: [
      { name: 'appointment.date', required: true, default: null },
      { name: 'appointment.place', required: false, default: 'het Stadskantoor' },
    ],
    variants: [
      {
        lang: 'nl',
        kind: 'short',
        body: '{{> greeting}} Uw afspraak staat op {{appointment.date}} in {{appointment.place}}. Tot dan! {{> signoff}}',
      },
      {
        lang: 'en',
        kind: 'short',
        body: '{{> greeting}} Your appointment is on {{appointment.date}} at {{appointment.place}}. See you then. {{> signoff}}',
      },
    ],
  },
  {
    name: 'Compliment: dank',
    category: 'Complimenten',
    description: 'Bedanken voor een compliment.',
    intents: ['praise'],
    keywords: ['bedankt', 'top', 'compliment', 'thanks', 'great'],
    variables: [],
    variants: [
      {
        lang: 'nl',
        kind: 'short',
        body: '{{> greeting}} Wat fijn om te horen, dank u wel. We geven het door aan het team. {{> signoff}}',
      },
      {
        lang: 'en',
        kind: 'short',
        body: '{{> greeting}} Lovely to hear, thank you. We will pass it on to the team. {{> signoff}}',
      },
    ],
  },
];
