/** Dutch texts added by the ingest work (reject reasons and the like; merged into nl.ts). */
export const ingestNl = {
  rejectReason: {
    /** Where the record is: `{{no}}` is its number in the file. */
    unit: {
      row: 'Rij {{no}}',
      line: 'Regel {{no}}',
      record: 'Record {{no}}',
      post: 'Bericht {{no}}',
      tweet: 'Tweet {{no}}',
      status: 'Toot {{no}}',
      item: 'Item {{no}}',
      entry: 'Artikel {{no}}',
      mention: 'Vermelding {{no}}',
      comment_thread: 'Reactiedraad {{no}}',
    },
    part: '{{where}}, tweet {{part}}',
    withId: '{{where}} (id {{id}})',
    column: 'kolom ‘{{field}}’',
    field: 'veld ‘{{field}}’',
    code: {
      csv_quote_unclosed:
        '{{where}}: een veld tussen aanhalingstekens wordt nooit afgesloten, waardoor de rest van het bestand één kapotte rij is. Zet het ontbrekende aanhalingsteken terug in het bestand en importeer opnieuw.',
      csv_malformed: '{{where}} kan niet in velden worden gesplitst ({{detail}}). Verbeter de rij in het bestand.',
      csv_field_count:
        '{{where}} heeft {{found}} velden, maar de kopregel noemt er {{expected}}. Ontbreekt er een aanhalingsteken, of is het scheidingsteken niet ‘{{delimiter}}’?',
      json_invalid: '{{where}} is geen geldige JSON ({{detail}}).',
      not_an_object: '{{where}} is geen object met velden, dus er valt geen vermelding uit te lezen.',
      not_a_post: '{{where}} is geen bericht maar een andere activiteit (bijvoorbeeld een boost zonder tekst).',
      id_missing: '{{where}}: {{field}} ontbreekt, dus het bericht heeft geen eigen id.',
      text_missing: '{{where}}: {{field}} is leeg. Een vermelding heeft tekst nodig: kies de kolom met de tekst.',
      text_missing_value:
        '{{where}}: {{field}} bevat geen tekst maar ‘{{value}}’. Een vermelding heeft tekst nodig: kies de kolom met de tekst.',
      content_missing: '{{where}} heeft geen tekst, titel, link of beschrijving van media: er is niets om te tonen.',
      time_missing: '{{where}}: {{field}} is leeg. Een vermelding heeft een tijd nodig: kies de kolom met de datum.',
      date_unparseable:
        '{{where}}: {{field}} is geen datum: ‘{{value}}’. Verwacht wordt bijvoorbeeld 2024-03-05T14:30, 05-03-2024 14:30 of Unix-tijd.',
      time_not_requested:
        '{{where}}: created_at ontbreekt. Vraag het bij de X-API op met tweet.fields=created_at en exporteer opnieuw.',
      number_unparseable: '{{where}}: {{field}} is geen getal: ‘{{value}}’.',
      fields_invalid: '{{where}}: deze velden ontbreken of kloppen niet: {{field}} ({{detail}}).',
      unreadable: '{{where}} kon niet worden gelezen ({{detail}}).',
    },
    /** Shown on hover: the engine's own sentence, as the command line and the logs have it. */
    original: 'Oorspronkelijke melding: {{reason}}',
  },
  importRejects: {
    title: 'Eerste afgewezen records',
    more: 'Alle {{total}} afgewezen records staan bij Afgewezen records.',
  },
};
