import type { FieldMapping, MappingPreset, TableFormat } from '../../../../shared/api/imports';
import { WatchpostError } from '../../../../shared/api/result';
import type { Channel } from '../../../../shared/domain/mention';
import type { Db } from '../../store/db';

interface PresetRow {
  id: number;
  name: string;
  format: TableFormat;
  mapping: string;
  channel: Channel | null;
  time_zone: string | null;
  updated_at: number;
}

export interface PresetToSave {
  name: string;
  format: TableFormat;
  mapping: FieldMapping;
  channel?: Channel | null;
  timeZone?: string | null;
}

/** Named column mappings ("Export from our monitoring tool"), so a monthly file is mapped in one click. */
export class MappingPresets {
  private readonly listRows;
  private readonly upsert;
  private readonly remove;

  constructor(db: Db) {
    this.listRows = db.prepare<[], PresetRow>('SELECT * FROM mapping_presets ORDER BY name COLLATE NOCASE');
    this.upsert = db.prepare<[string, string, string, string | null, string | null, number, number], PresetRow>(
      `INSERT INTO mapping_presets (name, format, mapping, channel, time_zone, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET name = excluded.name, format = excluded.format, mapping = excluded.mapping,
         channel = excluded.channel, time_zone = excluded.time_zone, updated_at = excluded.updated_at
       RETURNING *`,
    );
    this.remove = db.prepare<[number]>('DELETE FROM mapping_presets WHERE id = ?');
  }

  list(): MappingPreset[] {
    return this.listRows.all().map(toPreset);
  }

  /** Saves under the name; a preset of the same name (in any case) is replaced. */
  save(preset: PresetToSave, now = Date.now()): MappingPreset {
    if (!preset.mapping.text || !preset.mapping.createdAt) {
      throw new WatchpostError(
        'invalid_input',
        `the preset '${preset.name}' maps no column to the text or the time of a mention; a mapping needs both`,
      );
    }
    const row = this.upsert.get(
      preset.name,
      preset.format,
      JSON.stringify(preset.mapping),
      preset.channel ?? null,
      preset.timeZone ?? null,
      now,
      now,
    );
    if (!row) throw new Error(`the preset '${preset.name}' was not stored`);
    return toPreset(row);
  }

  delete(id: number): boolean {
    return this.remove.run(id).changes > 0;
  }
}

function toPreset(row: PresetRow): MappingPreset {
  return {
    id: row.id,
    name: row.name,
    format: row.format,
    mapping: JSON.parse(row.mapping) as FieldMapping,
    channel: row.channel,
    timeZone: row.time_zone,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
