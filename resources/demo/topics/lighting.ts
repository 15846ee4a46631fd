import type { TopicVocabulary } from '../types';

/** Public lighting: broken lamps, dark cycle paths, LED conversion, dimming at night. */
export const LIGHTING: TopicVocabulary = {
  nl: {
    slots: {
      lamp: ['lantaarnpaal', 'straatlantaarn', 'lantaarnpaal', 'lamp bij de bushalte', 'lamp bij het zebrapad'],
      road: [
        'de Dommeldijk',
        'het fietspad langs de Dommel',
        'de Heuvelweg',
        'de Molenstraat',
        'het Stationsplein',
        'de Kapelweg',
        'het Bleekveldpad',
        'de tunnel onder het spoor',
        'de Populierenlaan',
        'de Kerkstraat',
      ],
      led: ['ledverlichting', 'slimme verlichting', 'nieuwe ledverlichting', 'dimbare verlichting'],
    },
    social: {
      positive: [
        'De nieuwe {led} op {road} is echt een verbetering. Veel veiliger fietsen.',
        '0.6|{lamp} op {road} binnen twee dagen gerepareerd na mijn melding. Top service!',
        '0.3|Niet slecht, die {led}. Minder fel maar je ziet genoeg.',
        'Fijn dat {org} {road} eindelijk beter verlicht. Mijn dochter fietst er elke avond.',
        '0.5|Met {led} bespaar je energie én het ziet er mooi uit. Goed bezig Dommelstad.',
        'Melding gedaan over een kapotte {lamp}, de volgende dag al opgelost. Chapeau.',
        '0.4|Sterrenhemel weer zichtbaar sinds de lampen gedimd worden. Mooi!',
      ],
      neutral: [
        'Hoe meld ik een kapotte {lamp} op {road}?',
        'Weet iemand waarom de verlichting op {road} na 23 uur gedimd wordt?',
        'Vraag aan {org}: komt er {led} in {wijk}?',
        'Wordt de verlichting op {road} nog vervangen door {led}?',
        'Vanaf volgende week werkzaamheden aan de verlichting in {wijk}.',
        'Wie is verantwoordelijk voor de {lamp} op {road}, gemeente of provincie?',
        'Klopt het dat de lampen in {wijk} om middernacht uitgaan?',
        'Gemeente zoekt bewoners die mee willen denken over verlichting in {wijk}.',
      ],
      negative: [
        '-0.7|Al {days} is de {lamp} op {road} kapot. Stikdonker!',
        '-0.8|{road} is pikkedonker. Gevaarlijk voor fietsers en voetgangers.',
        '-0.6|Drie keer gemeld, nog steeds brandt de {lamp} op {road} niet.',
        '-0.5|Die {led} is veel te fel, ik slaap er slecht van.',
        '-0.7|Ik durf {road} niet meer over in het donker. Waar blijft de verlichting?',
        '-0.4|Lampen gedimd om te besparen, maar nu zie je niks meer in {wijk}.',
        'Wéér een kapotte {lamp} in {wijk}. Wordt hier ooit iets aan gedaan?',
        "-0.6|De tunnel onder het spoor is 's avonds eng zonder licht.",
        '-0.5|Melding over de {lamp} op {road} is zonder reactie gesloten.',
      ],
    },
    news: {
      positive: ['Alle straatverlichting in {wijk} vervangen door led', 'Verlichting fietspad langs de Dommel klaar'],
      neutral: ['Gemeente dimt straatverlichting na middernacht', 'Proef met slimme verlichting in {wijk}'],
      negative: [
        '-0.5|Bewoners {wijk} klagen over donkere straten',
        '-0.6|Honderden meldingen over kapotte lantaarnpalen',
      ],
    },
    hashtags: ['#verlichting', '#lantaarnpaal', '#veiligheid', '#fietsen', '#led'],
  },
  en: {
    slots: {
      lamp: ['streetlight', 'street lamp', 'light at the bus stop'],
      road: [
        'the Dommeldijk',
        'the cycle path along the Dommel',
        'the Heuvelweg',
        'the Stationsplein',
        'the tunnel under the railway',
      ],
      led: ['LED lighting', 'smart lighting', 'dimmable lighting'],
    },
    social: {
      positive: [
        'The new {led} on {road} is a real improvement. Much safer cycling.',
        '0.6|Reported a broken {lamp} on {road}, fixed within two days. Impressed!',
        '0.3|Not bad, the dimmed {led}. Still bright enough.',
      ],
      neutral: [
        'How do I report a broken {lamp} on {road}?',
        'Why is the lighting on {road} dimmed after 11 pm?',
        'Is {org} replacing the lights in {wijk} with {led}?',
      ],
      negative: [
        '-0.7|The {lamp} on {road} has been broken for {days}. Pitch dark!',
        '-0.8|{road} is completely dark at night. Dangerous for cyclists.',
        '-0.6|Reported it three times, the {lamp} on {road} is still out.',
        '-0.5|That {led} is way too bright, shines right into my bedroom.',
      ],
    },
    news: {
      positive: ['All streetlights in {wijk} switched to LED'],
      neutral: ['Dommelstad dims streetlights after midnight'],
      negative: ['-0.5|Residents of {wijk} complain about dark streets'],
    },
    hashtags: ['#streetlights', '#cycling', '#safety'],
  },
};
