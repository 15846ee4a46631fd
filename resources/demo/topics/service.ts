import type { TopicVocabulary } from '../types';

/** Customer service of the municipality: phone, chat, desk appointments, permits, waste passes. */
export const SERVICE: TopicVocabulary = {
  nl: {
    slots: {
      desk: [
        'het klantcontactcentrum',
        'de chat',
        'het Stadskantoor',
        'de balie',
        'het telefoonnummer 14 0499',
        'de app',
      ],
      errand: [
        'paspoort',
        'ID-kaart',
        'rijbewijs',
        'parkeervergunning',
        'afvalpas',
        'uittreksel',
        'verhuizing',
        'grofvuilafspraak',
        'melding openbare ruimte',
      ],
      employee: ['de medewerker', 'de dame aan de telefoon', 'de meneer aan de balie', 'de medewerker in de chat'],
    },
    social: {
      positive: [
        '0.7|Super geholpen door {employee} van {desk}. Binnen vijf minuten geregeld!',
        '0.5|{errand} online aangevraagd en binnen drie dagen thuis. Netjes {org}.',
        'Vriendelijk en snel geholpen bij {desk}. Dat mag ook weleens gezegd.',
        '0.3|Niet slecht, de nieuwe app van de gemeente. {errand} was zo geregeld.',
        '0.6|Eindelijk kun je je {errand} digitaal regelen. Scheelt een hoop gedoe.',
        'Complimenten aan {employee}, die dacht echt met me mee.',
        '0.4|Afspraak voor mijn {errand} liep op rolletjes, geen wachttijd.',
      ],
      neutral: [
        'Weet iemand hoe lang het duurt voordat je {errand} klaar is?',
        'Vraag aan {org}: kan ik mijn {errand} ook zonder afspraak ophalen?',
        'Is {desk} vandaag open? Op de site staat niks.',
        'Welke documenten heb ik nodig voor een {errand}?',
        'Tot hoe laat is {desk} bereikbaar?',
        'Kan ik mijn {errand} ook via DigiD regelen?',
        'Hoe vraag ik een {errand} aan als ik net verhuisd ben?',
        'Iemand ervaring met de chat van de gemeente?',
        'Waar kan ik terecht met een vraag over mijn {errand}?',
      ],
      negative: [
        '-0.7|Al {minutes} in de wacht bij {desk}. Dit is toch niet normaal?',
        '-0.8|Mijn {errand} is kwijt en niemand weet waar het is. {org} doe er wat aan!',
        '-0.6|Geen afspraak mogelijk voor een {errand} binnen {days}. Ik ga op vakantie!',
        '-0.5|{desk} geeft elke keer een ander antwoord.',
        '-0.7|Drie keer gebeld over mijn {errand}, drie keer beloofd dat ze terugbellen. Niks.',
        '-0.6|Website van de gemeente ligt er weer uit. Kan mijn {errand} niet aanvragen.',
        '-0.4|Slechte service van {desk}. Doorverbonden en toen opgehangen.',
        '-0.8|{minutes} wachten en dan hoor je dat je de verkeerde afspraak hebt. Belachelijk.',
        'Waarom duurt een {errand} in Dommelstad {days} en in andere gemeenten twee dagen?',
      ],
    },
    news: {
      positive: ['Wachttijd aan de telefoon bij gemeente flink korter', 'Gemeente opent digitaal loket voor {errand}'],
      neutral: ['Stadskantoor Dommelstad met Pasen gesloten', 'Drukte verwacht bij aanvragen paspoort voor de zomer'],
      negative: ['-0.6|Lange wachtrijen bij Stadskantoor', '-0.5|Storing legt website gemeente plat'],
    },
    hashtags: ['#klantenservice', '#webcare', '#gemeente', '#wachttijd', '#paspoort'],
  },
  en: {
    slots: {
      desk: ['the call centre', 'the chat', 'the city office', 'the front desk', 'the app'],
      errand: ['passport', 'ID card', 'residence registration', 'parking permit', 'waste pass', 'BSN appointment'],
    },
    social: {
      positive: [
        '0.7|Great help from {desk}, sorted in five minutes!',
        '0.5|Requested my {errand} online and it was ready in three days. Smooth.',
        'The staff at {desk} even switched to English for me. Thank you!',
      ],
      neutral: [
        'How long does it take to get a {errand} in Dommelstad?',
        'Can I register my address without speaking Dutch?',
        'Is {desk} open today? The website says nothing.',
        'What documents do I need for my {errand}?',
      ],
      negative: [
        '-0.7|On hold with {desk} for {minutes}. Seriously?',
        '-0.6|No appointment for a {errand} within {days}. How am I supposed to travel?',
        '-0.6|The website only works in Dutch and {desk} hung up on me.',
        '-0.5|{desk} gives a different answer every time.',
      ],
    },
    news: {
      positive: ['City office cuts phone waiting times'],
      neutral: ['Passport rush expected before summer'],
      negative: ['-0.5|Outage takes municipal website offline'],
    },
    hashtags: ['#customerservice', '#expat', '#bureaucracy'],
  },
};
