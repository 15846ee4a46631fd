import type { TopicVocabulary } from '../types';

/** Everything else people say about Dommelstad: markets, festivals, the park, roadworks, waste collection. */
export const CITY: TopicVocabulary = {
  nl: {
    slots: {
      event: [
        'de weekmarkt',
        'het Dommelfestival',
        'de kermis',
        'de kerstmarkt',
        'Koningsdag',
        'de braderie',
        'de intocht van Sinterklaas',
      ],
      place: [
        'het stadspark',
        'de Markt',
        'het Stationsplein',
        'de nieuwe fietsenstalling',
        'het Dommelbad',
        'de speeltuin in Molenakker',
      ],
      works: [
        'de wegafsluiting',
        'de omleiding',
        'de afsluiting van de Markt',
        'de bouw van de fietsbrug',
        'het werk aan de riolering',
      ],
      waste: ['de groene container', 'het oud papier', 'de plasticzak', 'het grofvuil'],
    },
    social: {
      positive: [
        'Wat was {event} gezellig dit jaar! Dommelstad op z’n mooist.',
        '0.6|{place} ziet er prachtig uit na de opknapbeurt.',
        '0.5|Mooie wandeling door {place} vandaag. Zo fijn dat dit in onze stad ligt.',
        '0.4|Niet slecht geregeld, {works}. Goed aangegeven en snel klaar.',
        'Dank aan de vrijwilligers van {event}, wat een werk!',
        '0.7|Trots op Dommelstad. {event} was weer een groot succes.',
      ],
      neutral: [
        'Gaat {event} dit jaar door?',
        'Weet iemand hoe lang {works} nog duurt?',
        'Wanneer wordt {waste} in {wijk} opgehaald?',
        'Hoe laat begint {event}?',
        'Waar kan ik parkeren tijdens {event}?',
        'Vraag aan {org}: komt er een nieuwe speeltuin in {wijk}?',
        'Tips voor een leuk terras bij {place}?',
      ],
      negative: [
        '-0.6|{waste} is alweer niet opgehaald in {wijk}. Stinkt enorm.',
        '-0.5|Het duurt veel te lang met {works}. Ondernemers lijden eronder.',
        '-0.6|{place} ligt vol zwerfafval. Wordt hier nog schoongemaakt?',
        '-0.4|{event} was te druk en slecht georganiseerd.',
        '-0.7|Omleiding door {wijk} is levensgevaarlijk voor fietsers.',
        'Parkeren bij {place} is onbetaalbaar geworden.',
      ],
    },
    news: {
      positive: ['Recordaantal bezoekers voor {event}', 'Opknapbeurt {place} afgerond'],
      neutral: ['{works} in het centrum start maandag', 'Programma {event} bekend'],
      negative: ['-0.5|Klachten over afvalinzameling in {wijk}'],
    },
    hashtags: ['#Dommelstad', '#weekend', '#uittips', '#centrum', '#afval'],
  },
  en: {
    slots: {
      event: ['the weekly market', 'the Dommel Festival', 'the Christmas market', "King's Day", 'the fair'],
      place: ['the city park', 'the market square', 'the station square', 'the new bike parking'],
      works: ['the road closure', 'the detour', 'the closure of the market square'],
    },
    social: {
      positive: [
        'Loved {event} this year! Dommelstad at its best.',
        '0.6|{place} looks beautiful after the renovation.',
        'Lovely walk through {place} today.',
      ],
      neutral: ['Is {event} happening this year?', 'How long will {works} last?', 'Where can I park during {event}?'],
      negative: [
        '-0.5|{works} is taking forever.',
        '-0.6|{place} is full of litter. Does anyone clean here?',
        '-0.4|{event} was way too crowded.',
      ],
    },
    news: {
      positive: ['Record crowds for {event}'],
      neutral: ['{works} in the centre starts Monday'],
      negative: ['-0.5|Complaints about waste collection in {wijk}'],
    },
    hashtags: ['#Dommelstad', '#weekend', '#thingstodo'],
  },
};
