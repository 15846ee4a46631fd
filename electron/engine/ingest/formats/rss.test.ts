import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WatchpostError } from '../../../../shared/api/result';
import { collectBatches } from './batches';
import { decodeFeed } from './feed-decode';
import { readFeed, rssFormat } from './rss';

const corpus = path.resolve(process.cwd(), '../shared/reference/feedparser/tests');
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name));
const parse = (bytes: Buffer, fileName: string, fetchedAt = Date.UTC(2024, 5, 5, 12)) =>
  collectBatches(rssFormat.parse(bytes, { fileName, fetchedAt }));

/** How many entries a feed holds, counted from its markup, independently of the feed parser. */
function entriesInMarkup(bytes: Buffer): number {
  const body = decodeFeed(bytes).text.replace(/<!--[\s\S]*?-->/g, '');
  const atom = /<(\w+:)?feed[\s>]/.test(body);
  return (body.match(atom ? /<(\w+:)?entry[\s>/]/g : /<(\w+:)?item[\s>/]/g) ?? []).length;
}

describe('the feedparser corpus', () => {
  it('never crashes, yields every entry of each readable feed, and names the file and the problem otherwise', async () => {
    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.xml'))
      .sort();
    const tally = { parsed: 0, mentions: 0, rejects: 0, errors: 0, crashes: 0 };
    const crashes: string[] = [];
    const missed: string[] = [];
    const wellformedErrors: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(path.join(corpus, file));
      try {
        const { mentions, rejects } = await parse(bytes, file);
        tally.parsed += 1;
        tally.mentions += mentions.length;
        tally.rejects += rejects.length;
        const expected = entriesInMarkup(bytes);
        if (mentions.length + rejects.length !== expected)
          missed.push(`${file}: ${mentions.length + rejects.length} of ${expected}`);
        for (const m of mentions) {
          if (!m.text.trim() || !Number.isFinite(m.createdAt) || !m.externalId)
            crashes.push(`${file}: incomplete mention`);
        }
        for (const r of rejects)
          if (!/^entry \d+: /.test(r.reason)) crashes.push(`${file}: unclear reject ${r.reason}`);
      } catch (err) {
        if (err instanceof WatchpostError && err.code === 'invalid_input' && err.message.startsWith(`${file}: `)) {
          tally.errors += 1;
          if (file.startsWith('wellformed/')) wellformedErrors.push(err.message);
        } else {
          tally.crashes += 1;
          crashes.push(`${file}: ${String(err)}`);
        }
      }
    }
    console.log(
      `feedparser corpus: ${files.length} files, ${tally.parsed} parsed, ${tally.mentions + tally.rejects} entries ` +
        `(${tally.mentions} mentions, ${tally.rejects} rejected: no title, text or link), ${tally.errors} clear errors, ${tally.crashes} crashes`,
    );
    expect(files.length).toBeGreaterThan(2000);
    expect(crashes).toEqual([]);
    expect(missed).toEqual([]);
    // The only well-formed files refused are Microsoft CDF channels: not RSS, Atom or RDF.
    expect(wellformedErrors.length).toBeGreaterThan(0);
    expect(wellformedErrors.filter((message) => !message.endsWith('its root element is <CHANNEL>'))).toEqual([]);
    expect(tally.mentions).toBeGreaterThan(400);
  }, 120_000);

  it('reads real values: RDF entries, Windows-1252 and EUC-KR text, inline markup, UTF-16 and UTF-32', async () => {
    const rdf = await parse(
      readFileSync(path.join(corpus, 'wellformed/namespace/rss1.0withModulesNoDefNS.xml')),
      'rdf.xml',
    );
    expect(rdf.mentions[0]).toMatchObject({
      channel: 'rss',
      externalId: 'http://www.pocketsoap.com/weblog/rssTests/rss1.0withModulesNoDefNS.xml#1',
      url: 'http://www.pocketsoap.com/weblog/rssTests/rss1.0withModulesNoDefNS.xml#1',
      author: { handle: 'sf@zaks.demon.co.uk', displayName: null },
      createdAt: Date.UTC(2002, 8, 28, 20, 1, 19),
    });
    expect(rdf.mentions[0]?.text).toMatch(
      /^Test Item - RSS 1\.0 no Default NS\n\nThis is a fairly standard RSS 1\.0 feed/,
    );
    const one = async (file: string) => (await parse(readFileSync(path.join(corpus, file)), file)).mentions[0]?.text;
    expect(await one('encoding/demoronize-1.xml')).toBe('don’t');
    expect(await one('encoding/euc-kr-item.xml')).toBe('년');
    expect(await one('wellformed/atom10/entry_title_inline_markup.xml')).toBe('Example Atom');
    expect(
      readFeed(decodeFeed(readFileSync(path.join(corpus, 'encoding/http_i18n.xml'))).text, 'i18n.xml')?.title,
    ).toBe('Iñtërnâtiônàlizætiøn');
    expect(decodeFeed(readFileSync(path.join(corpus, 'encoding/utf-16le-bom.xml')))).toMatchObject({
      encoding: 'utf-16le',
    });
    expect(decodeFeed(readFileSync(path.join(corpus, 'encoding/utf-32be-autodetect.xml'))).text).toContain('<rss>');
  });

  it('gives a broken feed one clear error naming the file', async () => {
    const cut = readFileSync(path.join(corpus, 'illformed/rss_incomplete_cdata.xml'));
    await expect(parse(cut, 'cut.xml')).rejects.toThrow(
      'cut.xml: the feed is not well-formed XML ("CDATA is not closed"); it may be cut off or damaged',
    );
    await expect(parse(Buffer.from('<html><body>hallo</body></html>'), 'page.html')).rejects.toThrow(
      'page.html: this is not an RSS, Atom or RDF feed: its root element is <html>',
    );
  });
});

describe('feed import', () => {
  it('falls back from guid to link to a hash for ids, and from entry date to feed date to fetch time', async () => {
    const { mentions, rejects } = await parse(fixture('gemeente-nieuws.rss'), 'nieuws.rss');
    const [news, evening, calendar] = mentions;
    expect(news).toMatchObject({
      externalId: 'https://www.gemeente.example/nieuws#nieuws-1042',
      url: 'https://www.gemeente.example/nieuws/stationsweg',
      text: 'Stationsweg dicht voor onderhoud & riolering\n\nVanaf maandag 10 juni is de Stationsweg afgesloten.\n\nBekijk de omleidingskaart (https://www.gemeente.example/omleiding).',
      createdAt: Date.UTC(2024, 4, 31, 12),
      author: { handle: 'Team Communicatie', displayName: 'Team Communicatie' },
    });
    expect(evening).toMatchObject({
      externalId: 'https://www.gemeente.example/nieuws/stadspark',
      createdAt: Date.UTC(2024, 5, 3, 4),
      author: { handle: 'Gemeente Voorbeeld – Nieuws' },
    });
    expect(JSON.parse(evening?.raw ?? '{}').timeFrom).toBe('feed date (the entry has none)');
    expect(calendar?.externalId).toMatch(/^rss:[0-9a-f]{24}$/);
    expect(rejects).toEqual([
      expect.objectContaining({ recordNo: 4, reason: 'entry 4: the entry has no title, text or link' }),
    ]);

    const again = await parse(fixture('gemeente-nieuws.rss'), 'nieuws.rss', 0);
    expect(again.mentions.map((m) => m.externalId)).toEqual(mentions.map((m) => m.externalId));
  });

  it('uses the fetch time when neither entry nor feed has a date, and says so', async () => {
    const feed = Buffer.from(
      '<rss version="2.0"><channel><title>Forum</title><item><title>Vraag over parkeren</title></item></channel></rss>',
    );
    const { mentions } = await parse(feed, 'forum.xml', 1_717_000_000_000);
    expect(mentions[0]?.createdAt).toBe(1_717_000_000_000);
    expect(JSON.parse(mentions[0]?.raw ?? '{}').timeFrom).toBe('fetch time (neither entry nor feed has a date)');
  });

  it('reads a Google Alerts feed: the real article link, markup-free title', async () => {
    const { mentions } = await parse(fixture('google-alerts.atom'), 'alerts.atom');
    expect(mentions[0]).toMatchObject({
      externalId: 'tag:google.com,2013:googlealerts/feed:1100000000000000001',
      url: 'https://www.nieuwsblad.example/regio/fietsstraat-besluit',
      text: 'Raad stemt in met plan Gemeente Voorbeeld voor fietsstraat\n\nDe raad van Gemeente Voorbeeld heeft dinsdag ingestemd met de fietsstraat\u00a0...',
      createdAt: Date.UTC(2024, 5, 4, 7, 31, 22),
      author: { handle: 'Google Alert - gemeente voorbeeld' },
    });
  });
});
