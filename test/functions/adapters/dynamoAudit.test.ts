import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditItem, DynamoAuditLog, putAudited } from '../../../functions/adapters/dynamoAudit.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import type { AuditEntry } from '../../../functions/ports/store.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let table: string;
beforeAll(async () => {
  ({ client, table } = await freshTable('audit'));
  doc = documentClient(client);
});
afterAll(() => client?.destroy());

const subject = { kind: 'enterprise' as const, id: uscc(61) };
const entry = (action: string, at: string): AuditEntry => ({ subject, at, actor: 'test', action, what: {}, why: null });

describe('the audit trail', () => {
  it('keeps two entries of the same instant apart, and reads them back in time order', async () => {
    const log = new DynamoAuditLog(doc, table);
    await log.auditRefusal(entry('b', '2026-01-01T00:00:01Z'));
    await log.auditRefusal(entry('a', '2026-01-01T00:00:00Z'));
    await log.auditRefusal(entry('c', '2026-01-01T00:00:01Z'));
    const trail = await log.auditOf(subject);
    expect(trail.map((e) => e.action).slice(0, 1)).toEqual(['a']);
    expect(trail.map((e) => e.action).sort()).toEqual(['a', 'b', 'c']);
    expect(auditItem(entry('x', 'T')).SK).not.toEqual(auditItem(entry('x', 'T')).SK);
  });

  it('writes a versioned item with its audit entry, or neither when the version moved', async () => {
    const log = new DynamoAuditLog(doc, table);
    const other = { kind: 'agency' as const, id: uscc(62) };
    const item = (version: number) => ({ PK: `T#${other.id}`, SK: 'V', version });
    const audit = { ...entry('v', '2026-02-01T00:00:00Z'), subject: other };
    expect(await putAudited(doc, table, 'test item', item(1), null, audit)).toBe(true);
    expect(await putAudited(doc, table, 'test item', item(2), null, audit)).toBe(false);
    expect(await putAudited(doc, table, 'test item', item(2), 1, audit)).toBe(true);
    expect(await log.auditOf(other)).toHaveLength(2);
  });
});
