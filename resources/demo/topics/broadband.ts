import type { TopicVocabulary } from '../types';

/** Fibre in the rural parts of the province: the rollout, delays, outages, slow connections. */
export const BROADBAND: TopicVocabulary = {
  nl: {
    slots: {
      fibre: ['glasvezel', 'glasvezel', 'snel internet'],
      provider: ['Dommelnet', 'Vezelwerk', 'BrabantVezel'],
      speed: ['2 Mbit', '5 Mbit', '10 Mbit', '1 Gbit', '500 Mbit'],
      work: ['het graafwerk', 'de aanleg', 'de huisaansluiting', 'het schouwen', 'de aansluiting op glasvezel'],
      need: ['thuiswerken', 'videobellen', 'streamen', 'online lesgeven', 'mijn bedrijf runnen', 'series kijken'],
    },
    social: {
      positive: [
        'Eindelijk {fibre} in {village}! {speed} na jaren gedoe.',
        '0.7|Monteur van {provider} was binnen een uur klaar. Keurig werk.',
        '0.5|Thuiswerken gaat een stuk beter nu we {fibre} hebben in {village}.',
        'Goed geregeld door {org} en {provider}: {work} in {village} liep precies volgens planning.',
        '0.3|Niet slecht, de snelheid van {fibre} in het buitengebied. Had het erger verwacht.',
        'Trots op de buurtcoöperatie in {village}: {fibre} voor iedereen!',
        '0.6|Dankzij {fibre} kan ik eindelijk {need} zonder haperen.',
        'Informatieavond over {fibre} in {village} was duidelijk en goed georganiseerd.',
      ],
      neutral: [
        'Weet iemand wanneer {fibre} in {village} wordt aangelegd?',
        'Vraag aan {org}: wanneer start {work} in {village}?',
        'Hoe lang duurt {work} gemiddeld bij {provider}?',
        'Heeft iemand in {village} al {fibre} van {provider}? Ervaringen?',
        'Vanavond informatieavond over {fibre} in het dorpshuis van {village}.',
        'Wat kost een aansluiting op {fibre} in het buitengebied?',
        'Krijgen we in {village} nu {fibre} of niet?',
        'De provincie maakt geld vrij voor {fibre} in het buitengebied.',
        'Is er een kaart waar je ziet waar {fibre} al ligt?',
        'Vraagje: moet je zelf iets regelen voor {work}?',
      ],
      negative: [
        '-0.8|Alweer storing bij {provider}. {days} zonder internet in {village}.',
        '-0.6|{work} in {village} loopt weer vertraging op. Al {days} wachten.',
        '-0.7|Met {speed} kan ik niet {need}. Wanneer komt die glasvezel nou?',
        'Tuin omgegraven voor {fibre} en niemand die het netjes dichtmaakt.',
        '-0.5|Belofte was {fibre} voor de zomer. Nu is het weer uitgesteld.',
        '-0.9|{provider} reageert niet op mijn klacht. Al {days} storing!',
        '-0.6|Hoezo snel internet? {speed} hier in {village}.',
        'In {village} worden we gewoon vergeten. Geen {fibre}, geen info.',
        '-0.4|Aanleg duurt lang en de communicatie van {provider} is matig.',
        '-0.7|Storing, monteur komt niet opdagen, weer een dag vrij genomen voor niks.',
      ],
    },
    news: {
      positive: [
        'Alle adressen in {village} aangesloten op glasvezel',
        'Provincie en gemeente investeren in snel internet buitengebied',
      ],
      neutral: [
        'Aanleg glasvezel {village} start na de zomer',
        'Informatieavond over glasvezel in {village}',
        '{provider} neemt aanleg buitengebied over',
      ],
      negative: [
        '-0.6|Aanleg glasvezel in {village} opnieuw vertraagd',
        '-0.7|Storing bij {provider}: honderden huishoudens zonder internet',
      ],
    },
    hashtags: ['#glasvezel', '#buitengebied', '#internet', '#storing', '#thuiswerken'],
  },
  en: {
    slots: {
      fibre: ['fibre', 'fiber', 'fast internet'],
      provider: ['Dommelnet', 'Vezelwerk', 'BrabantVezel'],
      speed: ['2 Mbps', '5 Mbps', '1 Gbps', '500 Mbps'],
      need: ['work from home', 'do video calls', 'stream anything', 'run my business'],
    },
    social: {
      positive: [
        'Finally got {fibre} in {village}! {speed} after years of waiting.',
        '0.6|The {provider} technician was done in an hour. Great job.',
        '0.3|Not bad, {fibre} speeds out here. Expected worse.',
        'Working from home is so much better now that we have {fibre}.',
      ],
      neutral: [
        'Does anyone know when {fibre} is coming to {village}?',
        'How long does {provider} usually take for a connection?',
        'Anyone in {village} already on {provider}? Experiences?',
        'What does a {fibre} connection cost out in the countryside?',
      ],
      negative: [
        '-0.8|Another outage at {provider}. {days} without internet.',
        '-0.6|{fibre} rollout in {village} delayed again.',
        '-0.7|With {speed} I literally cannot {need}.',
        '-0.8|{provider} is ignoring my complaint. {days} of outage!',
      ],
    },
    news: {
      positive: ['Every address in {village} now connected to fibre'],
      neutral: ['Fibre rollout in {village} to start after summer'],
      negative: ['-0.6|Outage at {provider} leaves hundreds offline'],
    },
    hashtags: ['#fibre', '#internet', '#outage', '#wfh'],
  },
};
