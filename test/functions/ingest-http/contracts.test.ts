import { describe, expect, it } from 'vitest';
import { creditRecordSchema } from '../../../domain/records/creditRecord.ts';
import { validate } from '../../../domain/validation.ts';
import { MAX_BATCH, MAX_REASON_CHARS, webhookBody, webhookBodyOf } from '../../../functions/ingest-http/contracts.ts';

describe('the webhook’s request contract', () => {
  it('an unknown type is refused naming the field, in Chinese', () => {
    expect(validate(webhookBody, { type: 'record.deleted', eventId: 'E-1' })).toEqual({
      ok: false,
      issues: [
        { path: 'type', message: 'type 须为 record.created、record.rectified、record.revoked 或 records.batch' },
      ],
    });
  });

  it('a rectification or revocation names its bad eventId, date or reason', () => {
    const rectified = validate(webhookBody, { type: 'record.rectified', eventId: 'a b', on: '2026-02-30' });
    expect(rectified.ok ? [] : rectified.issues.map((i) => i.path)).toEqual(['eventId', 'on']);
    expect(
      validate(webhookBody, {
        type: 'record.revoked',
        eventId: 'E-1',
        on: '2026-06-01',
        reason: '理'.repeat(MAX_REASON_CHARS + 1),
      }),
    ).toEqual({
      ok: false,
      issues: [{ path: 'reason', message: `撤销理由不能超过${MAX_REASON_CHARS}个字符` }],
    });
    expect(validate(webhookBody, { type: 'record.revoked', eventId: 'E-1', on: '2026-06-01', reason: null }).ok).toBe(
      true,
    );
  });

  it(`a batch holds 1 to ${MAX_BATCH} records`, () => {
    expect(validate(webhookBody, { type: 'records.batch', records: [] })).toEqual({
      ok: false,
      issues: [{ path: 'records', message: '批量报送至少包含一条记录' }],
    });
    expect(
      validate(webhookBody, { type: 'records.batch', records: Array.from({ length: MAX_BATCH + 1 }, () => ({})) }),
    ).toEqual({
      ok: false,
      issues: [{ path: 'records', message: `批量报送最多${MAX_BATCH}条记录` }],
    });
    expect(
      validate(webhookBody, { type: 'records.batch', records: Array.from({ length: MAX_BATCH }, () => ({})) }).ok,
    ).toBe(true);
  });

  it('the handler’s envelope leaves each record to be parsed on its own; with the record schema the same envelope names the record’s fields', () => {
    expect(validate(webhookBody, { type: 'record.created', record: {} }).ok).toBe(true);
    const described = validate(webhookBodyOf(creditRecordSchema), { type: 'records.batch', records: [{}] });
    expect(described.ok).toBe(false);
    expect(described.ok ? [] : described.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['records[0].eventId', 'records[0].league']),
    );
  });
});
