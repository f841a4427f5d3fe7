import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import type { Objection } from '../../domain/objections/objection.ts';
import type { RecordVerification } from '../../domain/objections/supplement.ts';
import { type ObjectionStore, ObjectionStoreError, type RecordsConfirmation } from '../ports/objections.ts';
import type { AuditEntry, SubjectRef } from '../ports/store.ts';
import { auditItem } from './dynamoAudit.ts';
import { isCancelledByCondition, readAll } from './dynamoSupport.ts';
import { keys } from './keys.ts';
import { participationKeys } from './participationKeys.ts';

/**
 * Objections on DynamoDB (docs/storage.md): `SUBJECT#<kind>#<id>` / `OBJECTION#<id>`, put only when
 * absent, replaced by its review only while open; indexed on GSI1 by league (`OBJECTIONS#<league>`,
 * sorted by cycle and filing time). A participant's confirmation: `CONFIRMED#<year>#<kind>`. Each
 * write carries its audit entry in the same transaction. A record's verification: `VERIFIED#<eventId>`.
 */
export class DynamoObjections implements ObjectionStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private item(o: Objection) {
    return {
      PK: keys.subject(o.subject),
      SK: participationKeys.objection(o.id),
      GSI1PK: participationKeys.objectionsOf(o.league),
      GSI1SK: participationKeys.objectionSort(o.cycle.year, o.cycle.kind, o.filedAt, o.id),
      objection: o,
    };
  }

  private async written(what: string, items: Record<string, unknown>[]): Promise<boolean> {
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (cause) {
      if (isCancelledByCondition(cause)) return false;
      throw new ObjectionStoreError(`DynamoDB ${what} write failed`, { cause });
    }
  }

  async file(objection: Objection, audit: AuditEntry): Promise<'filed' | 'exists'> {
    const ok = await this.written('objection', [
      {
        Put: {
          TableName: this.table,
          Item: this.item(objection),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      { Put: { TableName: this.table, Item: auditItem(audit) } },
    ]);
    return ok ? 'filed' : 'exists';
  }

  async objection(subject: SubjectRef, id: string): Promise<Objection | null> {
    try {
      const out = await this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: keys.subject(subject), SK: participationKeys.objection(id) },
          ConsistentRead: true,
        }),
      );
      return (out.Item?.objection as Objection | undefined) ?? null;
    } catch (cause) {
      throw new ObjectionStoreError('DynamoDB objection read failed', { cause });
    }
  }

  async review(objection: Objection, audit: AuditEntry): Promise<boolean> {
    return this.written('objection review', [
      {
        Put: {
          TableName: this.table,
          Item: this.item(objection),
          ConditionExpression: 'objection.#s = :open',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':open': 'open' },
        },
      },
      { Put: { TableName: this.table, Item: auditItem(audit) } },
    ]);
  }

  async objectionsOfSubject(subject: SubjectRef): Promise<Objection[]> {
    try {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': keys.subject(subject), ':sk': participationKeys.objectionPrefix },
      });
      return items.map((i) => i.objection as Objection).sort((a, b) => a.filedAt.localeCompare(b.filedAt));
    } catch (cause) {
      throw new ObjectionStoreError('DynamoDB objections read failed', { cause });
    }
  }

  async objectionsOf(
    league: LeagueCode,
    cycle?: { readonly year: number; readonly kind: CycleKind },
  ): Promise<Objection[]> {
    try {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: cycle ? 'GSI1PK = :p AND begins_with(GSI1SK, :c)' : 'GSI1PK = :p',
        ExpressionAttributeValues: {
          ':p': participationKeys.objectionsOf(league),
          ...(cycle ? { ':c': participationKeys.objectionCyclePrefix(cycle.year, cycle.kind) } : {}),
        },
      });
      return items.map((i) => i.objection as Objection);
    } catch (cause) {
      throw new ObjectionStoreError('DynamoDB objections listing failed', { cause });
    }
  }

  async confirm(confirmation: RecordsConfirmation, audit: AuditEntry): Promise<'confirmed' | 'exists'> {
    const ok = await this.written('confirmation', [
      {
        Put: {
          TableName: this.table,
          Item: {
            PK: keys.subject(confirmation.subject),
            SK: participationKeys.recordsConfirmed(confirmation.year, confirmation.kind),
            confirmation,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      { Put: { TableName: this.table, Item: auditItem(audit) } },
    ]);
    return ok ? 'confirmed' : 'exists';
  }

  async confirmation(subject: SubjectRef, year: number, kind: CycleKind): Promise<RecordsConfirmation | null> {
    try {
      const out = await this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: keys.subject(subject), SK: participationKeys.recordsConfirmed(year, kind) },
          ConsistentRead: true,
        }),
      );
      return (out.Item?.confirmation as RecordsConfirmation | undefined) ?? null;
    } catch (cause) {
      throw new ObjectionStoreError('DynamoDB confirmation read failed', { cause });
    }
  }

  async verify(verification: RecordVerification, audit: AuditEntry): Promise<'verified' | 'exists'> {
    const ok = await this.written('verification', [
      {
        Put: {
          TableName: this.table,
          Item: {
            PK: keys.subject(verification.subject as SubjectRef),
            SK: participationKeys.verified(verification.eventId),
            verification,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      { Put: { TableName: this.table, Item: auditItem(audit) } },
    ]);
    return ok ? 'verified' : 'exists';
  }

  async verificationsOf(subject: SubjectRef): Promise<RecordVerification[]> {
    try {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: { ':pk': keys.subject(subject), ':sk': participationKeys.verifiedPrefix },
      });
      return items.map((i) => i.verification as RecordVerification);
    } catch (cause) {
      throw new ObjectionStoreError('DynamoDB verifications read failed', { cause });
    }
  }
}
