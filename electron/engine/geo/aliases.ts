/**
 * Names people use for a place that no gazetteer lists under that name: nicknames of a municipality and
 * well-known neighbourhoods, streets and districts (mostly Noord-Brabant). Each has a point that lies in its
 * municipality, so it is placed against whatever boundaries are imported (also after municipal mergers).
 */
export const PLACE_ALIASES: readonly { name: string; lat: number; lon: number }[] = [
  { name: 'Den Bosch', lat: 51.6978, lon: 5.3037 },
  { name: "'s-Hertogenbosch", lat: 51.6978, lon: 5.3037 },
  { name: 'Rosmalen', lat: 51.7167, lon: 5.3653 },
  { name: 'Stratumseind', lat: 51.4385, lon: 5.4833 },
  { name: 'Strijp-S', lat: 51.4483, lon: 5.4567 },
  { name: 'Strijp', lat: 51.4436, lon: 5.4522 },
  { name: 'Woensel', lat: 51.4711, lon: 5.4711 },
  { name: 'Stratum', lat: 51.4256, lon: 5.4894 },
  { name: 'Gestel', lat: 51.4233, lon: 5.4511 },
  { name: 'Tongelre', lat: 51.4456, lon: 5.5133 },
  { name: 'Piushaven', lat: 51.5539, lon: 5.0997 },
  { name: 'Spoorzone Tilburg', lat: 51.5617, lon: 5.0833 },
  { name: 'Ginneken', lat: 51.5697, lon: 4.7869 },
  { name: 'Haagse Beemden', lat: 51.6094, lon: 4.7547 },
  { name: 'Mokum', lat: 52.3728, lon: 4.8936 },
  { name: 'Damrak', lat: 52.3759, lon: 4.8965 },
  { name: 'Coolsingel', lat: 51.9206, lon: 4.4792 },
  { name: 'Binnenhof', lat: 52.0799, lon: 4.3133 },
];

/**
 * Place names that are also everyday Dutch or English words (or first names): counted from a text only
 * after a preposition ("in Best", "naar Son") or as a hashtag, never on their own ("het beste", "Made by").
 * Folded to lower case without diacritics.
 */
export const AMBIGUOUS_PLACE_NAMES = new Set(
  (
    'aalst alphen andel axel balk bant beek berg bergen best born buren dorst echt elst ens esch goes grave ' +
    'handel hank haren heel heer helden hem hoek hoeven holz kampen lage lent leek linden lith loon made ' +
    'mill neck nes putten raam reek rijen schijf son ven veen velden vries well wijk zeeland haven ' +
    'eind stad dorp kerk oost west noord zuid'
  ).split(' '),
);
