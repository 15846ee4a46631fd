import { z } from 'zod';
import { WatchpostError } from '../../../shared/api/result';
import { ApprovalRules, ToneRule, type TonePreset, type ToneSettings } from '../../../shared/replies/model';
import { tonePreset, validateToneRules } from '../../../shared/replies/tone/presets';
import { recordAudit } from '../audit/record';
import type { Db } from '../store/db';

/**
 * The replies settings in reply_settings: the tone rules in force (starting from the 'public' preset) and
 * when a reply needs approval. Each change is audited with who made it.
 */

const StoredTone = z.object({ preset: z.enum(['public', 'brand']), rules: z.array(ToneRule) });

export class ReplySettings {
  constructor(private readonly db: Db) {}

  /** The stored JSON value of a key, or null. */
  read(key: string): { value: unknown; updatedAt: number | null; updatedBy: string | null } | null {
    const row = this.db.prepare('SELECT value, updated_at, updated_by FROM reply_settings WHERE key = ?').get(key) as
      { value: string; updated_at: number | null; updated_by: string | null } | undefined;
    return row
      ? { value: JSON.parse(row.value) as unknown, updatedAt: row.updated_at, updatedBy: row.updated_by }
      : null;
  }

  write(key: string, value: unknown, operator: string, at = Date.now()): void {
    this.db
      .prepare(
        `INSERT INTO reply_settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(key, JSON.stringify(value), at, operator);
  }

  tone(): ToneSettings {
    const stored = this.read('tone');
    const parsed = stored ? StoredTone.safeParse(stored.value) : null;
    if (!stored || !parsed?.success)
      return { preset: 'public', rules: tonePreset('public'), updatedAt: null, updatedBy: null };
    return {
      ...parsed.data,
      updatedAt: stored.updatedAt === null ? null : new Date(stored.updatedAt).toISOString(),
      updatedBy: stored.updatedBy,
    };
  }

  saveTone(rules: ToneRule[], operator: string, preset: TonePreset = this.tone().preset): ToneSettings {
    const [problem] = validateToneRules(rules);
    if (problem) throw new WatchpostError('invalid_input', `${problem.path}: ${problem.message}`);
    this.db.transaction(() => {
      this.write('tone', { preset, rules }, operator);
      recordAudit(this.db, {
        actor: operator,
        action: 'tone.save',
        entity: 'tone',
        entityId: null,
        detail: { preset, rules: rules.length },
      });
    })();
    return this.tone();
  }

  resetTone(preset: TonePreset, operator: string): ToneSettings {
    return this.saveTone(tonePreset(preset), operator, preset);
  }

  approval(): ApprovalRules {
    const stored = this.read('approval');
    const parsed = ApprovalRules.safeParse(stored?.value ?? {});
    return parsed.success ? parsed.data : ApprovalRules.parse({});
  }

  saveApproval(rules: ApprovalRules, operator: string): ApprovalRules {
    this.db.transaction(() => {
      this.write('approval', rules, operator);
      recordAudit(this.db, {
        actor: operator,
        action: 'approval.save',
        entity: 'approval',
        entityId: null,
        detail: rules,
      });
    })();
    return this.approval();
  }
}
