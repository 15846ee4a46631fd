import type { DemoTopicKey } from './index';

/**
 * What the demo's webcare team writes besides replies: the team a subject goes to, the seeded reply
 * template it answers with, internal notes and the tags it puts on mentions. `{team}` in a note is the
 * subject's team, `{case}` the case number.
 */
export const DESK = {
  /** Who a report on each subject is passed on to, as the Dutch notes and replies name them. */
  teams: {
    nightlife: 'team Handhaving',
    broadband: 'het projectteam Glasvezel',
    lighting: 'team Openbare Verlichting',
    budget: 'de afdeling Financiën',
    service: 'het KCC',
    city: 'het team Openbare Ruimte',
  } satisfies Record<DemoTopicKey, string>,
  /** Names of templates in shared/replies/seed.ts, per kind of mention. */
  templates: {
    question: 'Vraag: we zoeken het uit',
    appointment: 'Afspraak bevestigen',
    praise: 'Compliment: dank',
    complaint: {
      nightlife: 'Melding openbare ruimte',
      broadband: 'Storing: excuses en update',
      lighting: 'Melding openbare ruimte',
      budget: 'Vraag: we zoeken het uit',
      service: 'Privébericht: gegevens',
      city: 'Melding openbare ruimte',
    } satisfies Record<DemoTopicKey, string>,
  },
  notes: {
    open: [
      'Doorgezet naar {team}, zaak {case}.',
      'Navraag gedaan bij {team}, antwoord volgt morgen.',
      'Gebeld met {team}: ze pakken het deze week op.',
      'Zelfde melder als vorige week, zie de eerdere zaak.',
    ],
    waiting: [
      'Melder gevraagd om een DM met het adres; wacht op antwoord.',
      'Wacht op {team} voor we inhoudelijk terugschrijven.',
      'Melder gebeld, niet bereikt. Morgen nog een keer proberen.',
    ],
    resolved: [
      'Opgelost volgens {team}, melder tevreden.',
      'Melder teruggebeld, kan dicht.',
      'Dubbele melding, afgehandeld onder zaak {case}.',
      'Antwoord van {team} doorgegeven. Geen verdere actie.',
    ],
    incident: [
      'Hoort bij het lopende incident: standaardtekst van Communicatie gebruiken.',
      'Meegenomen in het incidentoverzicht voor de burgemeester.',
      'Afgestemd met de woordvoerder, geen inhoudelijke reactie via webcare.',
    ],
    reach: ['Let op: groot bereik. Afgestemd met Communicatie voor we reageren.'],
  },
  /** Tags (lower case, as the inbox stores them). */
  tags: {
    incident: 'incident',
    question: 'vraag',
    complaint: 'klacht',
    praise: 'compliment',
    escalation: 'escalatie',
    callback: 'terugbellen',
  },
} as const;
