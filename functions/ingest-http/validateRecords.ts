import { appliesToCategories, ruleByCode } from '../../domain/catalogue/catalogue.ts';
import { contentHashOf } from '../../domain/records/contentHash.ts';
import { type CreditRecord, canonicalRecord, parseCreditRecord } from '../../domain/records/creditRecord.ts';
import type { InputIssue } from '../../domain/validation.ts';
import type { ProfileStore } from '../ports/store.ts';
import type { DeliveryOutcome } from './delivery.ts';

export interface HashedRecord {
  readonly record: CreditRecord;
  readonly hash: string;
}

/** The records of a delivery, one per eventId, and how many repeated an identical one in the batch. */
export type ValidatedRecords =
  | { readonly ok: true; readonly byId: Map<string, HashedRecord>; readonly duplicates: number }
  | { readonly ok: false; readonly outcome: DeliveryOutcome };

/**
 * The created records of a delivery, all-or-nothing at validation (docs/api.md §2): every record
 * parsed, each category rule checked against its agency's profile, and each eventId counted once.
 */
export async function validateRecords(
  inputs: readonly { raw: unknown; path: string }[],
  profiles: ProfileStore,
): Promise<ValidatedRecords> {
  const issues: InputIssue[] = [];
  const records: (HashedRecord & { path: string })[] = [];
  for (const input of inputs) {
    const v = parseCreditRecord(input.raw, input.path);
    if (v.ok) records.push({ record: v.value, hash: contentHashOf(canonicalRecord(v.value)), path: input.path });
    else issues.push(...v.issues);
  }
  if (issues.length > 0) return { ok: false, outcome: { status: 'invalid', issues: issues.slice(0, 50) } };
  issues.push(...(await categoryIssues(records, profiles)));
  if (issues.length > 0) return { ok: false, outcome: { status: 'invalid', issues } };

  // One eventId twice in the batch: identical counts once, different is a conflict.
  const byId = new Map<string, HashedRecord>();
  const conflicts = new Set<string>();
  let duplicates = 0;
  for (const r of records) {
    const seen = byId.get(r.record.eventId);
    if (!seen) byId.set(r.record.eventId, r);
    else if (seen.hash === r.hash) duplicates++;
    else conflicts.add(r.record.eventId);
  }
  if (conflicts.size > 0) return { ok: false, outcome: { status: 'conflict', eventIds: [...conflicts] } };
  return { ok: true, byId, duplicates };
}

/** Annex 2 机构分类指标: a category rule for a registered agency without that category is refused. */
async function categoryIssues(
  records: readonly { record: CreditRecord; path: string }[],
  profiles: ProfileStore,
): Promise<InputIssue[]> {
  const issues: InputIssue[] = [];
  for (const { record, path } of records) {
    const rule = ruleByCode(record.rule);
    if (record.subject.kind !== 'agency' || !rule?.agencyCategories) continue;
    const profile = await profiles.getProfile(record.subject);
    if (profile?.registration !== 'registered' || profile.subject.kind !== 'agency') continue;
    if (!appliesToCategories(rule, profile.subject.categories))
      issues.push({
        path: `${path}.rule`,
        message: `评价指标 ${record.rule} 不适用于该机构的类别（${profile.subject.categories.join('、')}）`,
      });
  }
  return issues;
}
