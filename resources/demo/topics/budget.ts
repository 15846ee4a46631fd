import type { TopicVocabulary } from '../types';

/** Budget talks with citizens: the participatory budget, evenings in the neighbourhoods, cuts and taxes. */
export const BUDGET: TopicVocabulary = {
  nl: {
    slots: {
      session: [
        'de begrotingsavond',
        'het begrotingsgesprek',
        'de bewonersavond over de begroting',
        'Praat Mee Dommelstad',
      ],
      item: [
        'het zwembad',
        'de bibliotheek',
        'het jongerenwerk',
        'het groenonderhoud',
        'de schouwburg',
        'de fietspaden',
        'sportpark Haverkamp',
        'de kermis',
        'het buurthuis',
        'de mantelzorg',
      ],
      amount: ['€ 2,4 miljoen', 'drie ton', '€ 850.000', 'een miljoen', '€ 120.000', 'vijf ton'],
      money: ['de OZB', 'de afvalstoffenheffing', 'het parkeertarief', 'de rioolheffing', 'de hondenbelasting'],
    },
    social: {
      positive: [
        'Goede avond gehad bij {session} in {wijk}. Er werd echt geluisterd.',
        '0.6|Mooi dat inwoners mogen meebeslissen over {amount} voor {item}.',
        '0.5|Ons plan voor {item} krijgt geld uit de burgerbegroting! Dank aan iedereen die stemde.',
        '0.3|Niet slecht, {session}. Beter georganiseerd dan vorig jaar.',
        'Complimenten aan de wethouder voor de open houding tijdens {session}.',
        '0.4|Fijn dat {item} ontzien wordt in de nieuwe begroting.',
        'Duidelijke uitleg over de begroting, zelfs ik snapte het. Goed gedaan {org}.',
      ],
      neutral: [
        'Vanavond {session} in {wijk}. Wie gaat er mee?',
        'Weet iemand hoe je kunt stemmen voor de burgerbegroting?',
        'Vraag aan {org}: hoeveel gaat er naar {item} volgend jaar?',
        'Tot wanneer kun je ideeën indienen voor het wijkbudget?',
        'Gaat {money} omhoog volgend jaar?',
        'De gemeente wil {amount} besparen. Waar zou jij op bezuinigen?',
        'Verslag van {session} staat online.',
        'Wordt er ook gesproken over {item} op {session}?',
        'Hoe wordt bepaald welk plan geld krijgt uit de burgerbegroting?',
        'Morgen stemt de raad over de begroting.',
      ],
      negative: [
        '-0.7|Bezuinigen op {item}? Dat raakt juist de mensen die het al moeilijk hebben.',
        '-0.6|{money} gaat alweer omhoog. Waar blijft al dat geld?',
        '-0.5|Bij {session} werd vooral gezonden, niet geluisterd.',
        '-0.6|Inspraak is een wassen neus. Het besluit over {item} lag allang vast.',
        '-0.8|{amount} voor een nieuw stadskantoor en geen geld voor {item}. Schandalig.',
        '-0.4|{session} was slecht aangekondigd, er waren nauwelijks mensen.',
        'Waarom moet {item} weer inleveren? Kies eens andere prioriteiten {org}.',
        '-0.5|Niemand begrijpt die begroting. Maak het eens begrijpelijk.',
      ],
    },
    news: {
      positive: ['Burgerbegroting: {amount} voor plannen van inwoners', 'Raad stemt in met extra geld voor {item}'],
      neutral: [
        'Gemeente Dommelstad presenteert begroting',
        'Inwoners praten mee over bezuinigingen',
        'Begroting: {money} stijgt met 3 procent',
      ],
      negative: ['-0.6|Bezuiniging op {item} leidt tot protest', '-0.5|Kritiek op inspraak bij begroting'],
    },
    hashtags: ['#begroting', '#burgerbegroting', '#gemeenteraad', '#inspraak', '#lokalepolitiek'],
  },
  en: {
    slots: {
      session: ['the budget evening', 'the citizen budget session', 'the neighbourhood meeting on the budget'],
      item: [
        'the swimming pool',
        'the library',
        'youth work',
        'the cycle paths',
        'the theatre',
        'the community centre',
      ],
      amount: ['€2.4 million', '€300,000', '€850,000', 'a million euros'],
    },
    social: {
      positive: [
        'Good evening at {session}. They actually listened.',
        '0.6|Love that residents get to decide how {amount} is spent on {item}.',
        'Clear explanation of the city budget, even I understood it. Well done {org}.',
      ],
      neutral: [
        '{session} tonight in {wijk}. Anyone going?',
        'How do you vote for the citizen budget?',
        'Can internationals join {session} too? Is it in English?',
      ],
      negative: [
        '-0.7|Cutting {item}? That hurts the people who already struggle.',
        '-0.5|{session} was all talk, no listening.',
        '-0.6|Everything is in Dutch only. Internationals pay taxes too.',
      ],
    },
    news: {
      positive: ['Citizen budget awards {amount} to residents’ plans'],
      neutral: ['Dommelstad presents its budget'],
      negative: ['-0.6|Cuts to {item} spark protest'],
    },
    hashtags: ['#citybudget', '#participation', '#localpolitics'],
  },
};
