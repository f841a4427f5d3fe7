import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog } from '../../../functions/adapters/dynamoAudit.ts';
import { DynamoCommitments } from '../../../functions/adapters/dynamoCommitments.ts';
import { documentClient } from '../../../functions/adapters/dynamoDocument.ts';
import type { SignedCommitment } from '../../../functions/ports/commitments.ts';
import type { AuditEntry } from '../../../functions/ports/store.ts';
import { uscc } from '../../support/builders.ts';
import { freshTable } from '../../support/table.ts';

let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let table: string;
beforeAll(async () => {
  ({ client, table } = await freshTable('commitments'));
  doc = documentClient(client);
});
afterAll(() => client?.destroy());

const subject = { kind: 'enterprise' as const, id: uscc(71) };
const letter = (signerName: string, year = 2025): SignedCommitment => ({
  subject,
  year,
  text: '企事业单位法定代表人（或主要负责人） 环保信用承诺书\n特此承诺，同意本承诺书向社会公开。',
  textHash: 'a'.repeat(64),
  signerName,
  signerRole: '总经理',
  signedAt: '2026-03-02T02:00:00.000Z',
  signedBy: `staff:enterprise:${subject.id}`,
});
const audit = (at: string): AuditEntry => ({
  subject,
  at,
  actor: `staff:enterprise:${subject.id}`,
  action: 'commitment.sign',
  what: {},
  why: null,
});

describe('signed commitment letters on DynamoDB (Annex 4)', () => {
  it('stores a letter once with its audit entry; a second letter of the same year changes nothing', async () => {
    const store = new DynamoCommitments(doc, table);
    expect(await store.getCommitment(subject, 2025)).toBeNull();
    expect(await store.putCommitmentOnce(letter('张三'), audit('2026-03-02T02:00:00.000Z'))).toBe(true);
    expect(await store.putCommitmentOnce(letter('李四'), audit('2026-03-02T03:00:00.000Z'))).toBe(false);
    expect(await store.getCommitment(subject, 2025)).toEqual(letter('张三'));
    const trail = (await new DynamoAuditLog(doc, table).auditOf(subject)).filter((e) => e.action === 'commitment.sign');
    expect(trail.map((e) => e.at)).toEqual(['2026-03-02T02:00:00.000Z']);
  });

  it('keeps each evaluation year apart', async () => {
    const store = new DynamoCommitments(doc, table);
    expect(await store.putCommitmentOnce(letter('王五', 2026), audit('2027-03-01T02:00:00.000Z'))).toBe(true);
    expect((await store.getCommitment(subject, 2026))?.signerName).toBe('王五');
    expect((await store.getCommitment(subject, 2025))?.signerName).toBe('张三');
    expect(await store.getCommitment({ kind: 'agency', id: subject.id }, 2025)).toBeNull();
  });
});
