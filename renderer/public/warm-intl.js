// Runs while the app's own script is still being fetched and compiled off the main thread. The first Intl
// formatter a page makes loads ICU's locale data (~60 ms here, more on a busy machine); made now, that cost
// no longer lands in the first render, which needs number and time formats for every row.
try {
  for (const locale of ['nl-NL', 'en-GB']) {
    new Intl.NumberFormat(locale).format(12345);
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(0);
  }
} catch {
  // An old engine without Intl: the app formats without it as well.
}
