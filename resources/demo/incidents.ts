import type { TopicVocabulary } from './types';

/** What people post during the injected incidents; slots of the incident's topic are available too. */
export const INCIDENT_VOCABULARY: Readonly<Record<string, TopicVocabulary>> = {
  brawl: {
    nl: {
      slots: { police: ['de politie', 'de ME', 'twee ambulances', 'een politiehelikopter', 'agenten te paard'] },
      social: {
        positive: ['0.4|Petje af voor de portiers in de {street} die vannacht erger voorkwamen.'],
        neutral: [
          'Wat is er vannacht gebeurd in de {street}? Overal {police}.',
          'Is de {street} nog afgesloten na de vechtpartij?',
          'Heeft iemand beelden van de vechtpartij in de {street}? Politie vraagt om tips.',
        ],
        negative: [
          '-0.9|Massale vechtpartij in de {street}! {police} ter plaatse.',
          '-0.8|Vechtpartij bij {bar} in de {street}, meerdere gewonden. Wat een ellende.',
          '-0.9|Ik woon boven de {street} en heb vannacht echt angst gehad. Dit moet stoppen.',
          '-0.8|Weer een vechtpartij in de {street}. {org} sluit die tent nou eens.',
          '-0.7|Glas, bloed en {police} in de {street}. Is dit nou uitgaan in Dommelstad?',
          '-0.9|Hoeveel incidenten in de {street} zijn er nog nodig voordat er iets gebeurt?',
          '-0.8|Mijn zoon werd {time} zomaar aangevallen in de {street}.',
          '-0.6|Noodbevel in de {street}. Dit is geen uitgaansstraat meer, dit is een probleemstraat.',
        ],
      },
      news: {
        positive: [],
        neutral: ['Burgemeester overweegt maatregelen na geweld in de {street}'],
        negative: [
          '-0.8|Vechtpartij in de {street}: drie gewonden, vijf aanhoudingen',
          '-0.7|Noodbevel afgekondigd na onrust in de {street}',
          '-0.7|Bewoners {street} eisen actie na nieuwe vechtpartij',
        ],
      },
      hashtags: ['#Kroegstraat', '#vechtpartij', '#politie', '#geweld'],
    },
    en: {
      slots: { police: ['the police', 'riot police', 'ambulances'] },
      social: {
        positive: [],
        neutral: ['What happened on {street} last night? {police} everywhere.'],
        negative: [
          '-0.9|Huge fight on {street}! {police} on the scene.',
          '-0.8|Brawl outside {bar} on {street}, several people hurt.',
          '-0.8|Scary night on {street}. Does {org} care at all?',
        ],
      },
      news: { positive: [], neutral: [], negative: ['-0.8|Brawl on {street} leaves three injured'] },
      hashtags: ['#Kroegstraat', '#fight', '#police'],
    },
  },
  noise: {
    nl: {
      slots: {
        source: ['een illegaal feest', 'de verlengde openingstijden', 'een dj op straat', 'een foute afterparty'],
      },
      social: {
        positive: [],
        neutral: [
          'Hoe lang duurt die proef met verlengde openingstijden in de {street} nog?',
          'Waar meld ik geluidsoverlast uit de {street}?',
        ],
        negative: [
          '-0.8|Tot 6 uur herrie in de {street} door {source}. Onleefbaar!',
          '-0.9|Derde nacht op rij geen slaap door de {street}. Ik word hier gek van.',
          '-0.7|Meldpunt geluidsoverlast neemt niet op. Herrie uit de {street} gaat gewoon door.',
          '-0.8|{source} in de {street}: heel de buurt wakker. Bedankt {org}.',
          '-0.7|Kinderen huilen, wij zijn gesloopt. Stop met {source} in de {street}!',
          '-0.6|Boetes voor {bar}? Eerst zien, dan geloven. Het blijft lawaai in de {street}.',
        ],
      },
      news: {
        positive: [],
        neutral: ['Gemeente evalueert proef met ruimere openingstijden {street}'],
        negative: [
          '-0.7|Golf van klachten over nachtelijk lawaai in de {street}',
          '-0.6|Bewoners {street} stappen naar rechter',
        ],
      },
      hashtags: ['#Kroegstraat', '#geluidsoverlast', '#overlast', '#slapeloos'],
    },
    en: {
      slots: { source: ['an illegal party', 'the extended opening hours', 'a street DJ'] },
      social: {
        positive: [],
        neutral: ['Where do I report noise from {street}?'],
        negative: [
          '-0.8|Noise from {street} until 6 am because of {source}. Unbearable!',
          '-0.8|Third night without sleep because of {street}.',
        ],
      },
      news: { positive: [], neutral: [], negative: ['-0.7|Wave of noise complaints about {street}'] },
      hashtags: ['#Kroegstraat', '#noise'],
    },
  },
  crowding: {
    nl: {
      slots: { cause: ['het eindfeest', 'de huldiging', 'het gratis concert', 'oud en nieuw'] },
      social: {
        positive: ['0.3|Goed dat de {street} op tijd is afgesloten, anders was het misgegaan.'],
        neutral: [
          'Is de {street} nu dicht? Kunnen we er nog in?',
          'Wat is er aan de hand in de {street}? Politie laat niemand meer door.',
        ],
        negative: [
          '-0.9|Levensgevaarlijk druk in de {street} tijdens {cause}. Mensen werden platgedrukt!',
          '-0.8|Geen enkele crowd control bij {cause} in de {street}. Onverantwoord.',
          '-0.8|Hoe kan {org} {cause} toestaan in zo’n smalle straat? Het had fout kunnen gaan.',
          '-0.7|Paniek in de {street}, mensen klommen over hekken. Nooit meer.',
          '-0.7|Twee uur vast gestaan in de {street}. Geen nooduitgang, geen uitleg.',
        ],
      },
      news: {
        positive: [],
        neutral: ['Onderzoek naar drukte in de {street}'],
        negative: ['-0.8|Gevaarlijke drukte in de {street} tijdens {cause}', '-0.6|Kritiek op organisatie {cause}'],
      },
      hashtags: ['#Kroegstraat', '#drukte', '#veiligheid'],
    },
    en: {
      slots: { cause: ['the closing party', 'the free concert', "New Year's Eve"] },
      social: {
        positive: [],
        neutral: ['Is {street} closed now? Police are not letting anyone in.'],
        negative: [
          '-0.9|Dangerously crowded on {street} during {cause}. People got crushed!',
          '-0.8|Zero crowd control on {street}. Scary.',
        ],
      },
      news: { positive: [], neutral: [], negative: ['-0.8|Dangerous crowding on {street} during {cause}'] },
      hashtags: ['#Kroegstraat', '#crowd'],
    },
  },
  outage: {
    nl: {
      slots: { cause: ['een doorgegraven kabel', 'een stroomstoring in de centrale', 'onderhoud dat uitliep'] },
      social: {
        positive: ['0.3|Netjes dat {provider} iedereen per sms op de hoogte houdt van de storing.'],
        neutral: [
          'Hebben meer mensen in {village} geen internet? Storing bij {provider}?',
          'Weet iemand hoe lang de storing bij {provider} nog duurt?',
        ],
        negative: [
          '-0.9|Grote storing bij {provider}: heel {village} zonder internet.',
          '-0.8|Al uren geen internet door {cause}. Kan niet werken.',
          '-0.8|Storing {provider}: klantenservice onbereikbaar, geen info. Waardeloos.',
          '-0.7|Alweer storing. Wat heb je aan glasvezel als het niet werkt?',
          '-0.7|Pinautomaat in {village} werkt ook niet door de storing.',
        ],
      },
      news: {
        positive: [],
        neutral: ['Storing {provider} verholpen'],
        negative: ['-0.7|Honderden huishoudens zonder internet door storing {provider}', '-0.6|Storing door {cause}'],
      },
      hashtags: ['#storing', '#glasvezel', '#internet'],
    },
    en: {
      slots: { cause: ['a cut cable', 'a power failure'] },
      social: {
        positive: [],
        neutral: ['Anyone else in {village} without internet? {provider} down?'],
        negative: [
          '-0.8|Massive {provider} outage, all of {village} offline.',
          '-0.7|Hours without internet because of {cause}.',
        ],
      },
      news: { positive: [], neutral: [], negative: ['-0.7|Hundreds offline after {provider} outage'] },
      hashtags: ['#outage', '#fibre'],
    },
  },
};
