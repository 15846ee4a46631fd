import { FieldMapping, FORMAT_IDS, FormatId } from '../../../shared/api/contract';
import { Channel } from '../../../shared/domain/mention';
import type { ImportSummary } from '../../engine/ingest/import-files';
import { CliError, parseCommandArgs } from '../args';
import type { Io } from '../io';
import { defaultDataDir } from '../paths';
import { openLocalEngine, runJob } from '../workspace';

const FIELDS = FieldMapping.keyType.options;

export const importHelp = `Usage: watchpost import FILE... [--data DIR] [--format F] [--map column=field ...] [--channel C] [--account HANDLE] [--json]

Imports mentions from files: exports of X, Facebook, Mastodon and Bluesky, RSS/Atom feeds, and
spreadsheets (CSV, JSON, NDJSON). Importing the same file again adds nothing; records that cannot
be imported are kept with the reason (and listed here).

  --data DIR           workspace folder (default: ${defaultDataDir()})
  --format F           ${FORMAT_IDS.join(' | ')} (default: recognised from the file)
  --map column=field   which column feeds which field (${FIELDS.join(', ')}); repeatable
  --channel C          channel for rows that name none (default: file)
  --account HANDLE     the account an X archive or Facebook export belongs to
  --time-zone ZONE     zone for times without an offset (default: UTC), e.g. Europe/Amsterdam
  --json               print { imported, duplicates, rejected, rejects, files }; each reject has file, record,
                       reason (English), code (stable, e.g. date_unparseable) and params (where, what)

Exit code 0 when the files were read (even with rejects), 1 when none could be read.
`;

export async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'import',
    argv,
    {
      data: { type: 'string' },
      format: { type: 'string' },
      map: { type: 'string', multiple: true },
      channel: { type: 'string' },
      account: { type: 'string' },
      'time-zone': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.out(importHelp);
    return 0;
  }
  if (positionals.length === 0) throw new CliError('import: name at least one file, e.g. watchpost import export.csv');
  const format = parseChoice('format', FormatId, values.format);
  const channel = parseChoice('channel', Channel, values.channel);
  const mapping = parseMapping(values.map ?? []);
  const dataDir = values.data ?? defaultDataDir();

  const engine = openLocalEngine(dataDir);
  try {
    const job = await runJob(
      engine,
      'ingest.importFiles',
      { files: positionals, format, mapping, channel, accountHandle: values.account, timeZone: values['time-zone'] },
      io,
      values.json,
    );
    const summary = job.result as unknown as ImportSummary;
    if (values.json) {
      const rejects = summary.rejects.map((reject) => ({
        file: reject.file,
        record: reject.recordNo,
        reason: reject.reason,
        code: reject.code ?? null,
        params: reject.params ?? null,
      }));
      const files = summary.files.map(({ file, format, imported, duplicates, rejected, error }) => ({
        file,
        format,
        imported,
        duplicates,
        rejected,
        error,
      }));
      io.out(
        `${JSON.stringify({ imported: summary.imported, duplicates: summary.duplicates, rejected: summary.rejected, rejects, files })}\n`,
      );
    } else {
      for (const file of summary.files) {
        io.out(
          file.error
            ? `${file.file}: not imported: ${file.error}\n`
            : `${file.file} (${file.format}): ${file.imported} imported, ${file.duplicates} already there, ${file.rejected} rejected\n`,
        );
      }
      for (const reject of summary.rejects.slice(0, 20)) io.out(`  rejected: ${reject.reason}\n`);
      if (summary.rejected > 20)
        io.out(`  ... all ${summary.rejected} rejects are kept in the workspace with their reasons\n`);
    }
    const unreadable = summary.files.filter((file) => file.error);
    if (unreadable.length === summary.files.length) {
      if (values.json) for (const file of unreadable) io.err(`watchpost: ${file.error}\n`);
      return 1;
    }
    return 0;
  } finally {
    await engine.close();
  }
}

function parseChoice<T extends string>(
  name: string,
  schema: { options: readonly T[] },
  value: string | undefined,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(schema.options as readonly string[]).includes(value)) {
    throw new CliError(`import: --${name} must be one of ${schema.options.join(', ')}, not '${value}'`);
  }
  return value as T;
}

function parseMapping(entries: string[]): FieldMapping | undefined {
  if (entries.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    const column = entry.slice(0, at).trim();
    const field = entry.slice(at + 1).trim();
    if (at <= 0 || !column)
      throw new CliError(`import: --map needs column=field, e.g. --map Bericht=text, not '${entry}'`);
    if (!(FIELDS as readonly string[]).includes(field)) {
      throw new CliError(`import: --map ${entry}: '${field}' is not a field; fields are ${FIELDS.join(', ')}`);
    }
    mapping[field] = column;
  }
  return mapping as FieldMapping;
}
