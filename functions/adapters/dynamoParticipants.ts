import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportCount } from '../../domain/participants/importList.ts';
import { canonical, type ParticipantEntry, sameEntry } from '../../domain/participants/participant.ts';
import {
  type ParticipantAudit,
  type ParticipantListRef,
  type ParticipantStore,
  ParticipantStoreError,
} from '../ports/participants.ts';
import { type Item, isCancelledByCondition, readAll } from './dynamoSupport.ts';
import { keys } from './keys.ts';

/** DynamoDB's limit of items in one transaction. */
const MAX_TRANSACTION = 100;

const listKey = (l: ParticipantListRef) => keys.participants(l.year, l.kind, l.league);
const auditItem = (l: ParticipantListRef, audit: ParticipantAudit): Item => ({
  PK: keys.auditOf(listKey(l)),
  SK: keys.auditEntry(audit.at, randomUUID()),
  entry: audit,
});

/** Lists of participants on DynamoDB (docs/storage.md): one item per entry, the list's audit beside it. */
export class DynamoParticipants implements ParticipantStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async participants(list: ParticipantListRef): Promise<ParticipantEntry[]> {
    try {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': listKey(list) },
      });
      return items.map((i) => i.entry as ParticipantEntry);
    } catch (cause) {
      throw new ParticipantStoreError('DynamoDB participants read failed', { cause });
    }
  }

  async putParticipants(
    list: ParticipantListRef,
    entries: readonly ParticipantEntry[],
    audit: ParticipantAudit,
  ): Promise<ImportCount> {
    const stored = new Map((await this.participants(list)).map((e) => [e.code, e]));
    const writes = entries.filter((e) => {
      const before = stored.get(e.code);
      return !before || !sameEntry(before, e);
    });
    const count: ImportCount = {
      added: writes.filter((e) => !stored.has(e.code)).length,
      changed: writes.filter((e) => stored.has(e.code)).length,
      unchanged: entries.length - writes.length,
    };
    if (writes.length === 0) return count;
    const items: Item[] = writes.map((e) => ({ PK: listKey(list), SK: e.code, entry: canonical(e) }));
    items.push(auditItem(list, { ...audit, what: { ...audit.what, ...count } }));
    // Each write puts the whole entry: a chunk repeated after a failure writes the same items again.
    for (let at = 0; at < items.length; at += MAX_TRANSACTION) await this.write(items.slice(at, at + MAX_TRANSACTION));
    return count;
  }

  async removeParticipant(list: ParticipantListRef, code: string, audit: ParticipantAudit): Promise<boolean> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.table,
                Key: { PK: listKey(list), SK: code },
                ConditionExpression: 'attribute_exists(PK)',
              },
            },
            { Put: { TableName: this.table, Item: auditItem(list, audit) } },
          ],
        }),
      );
      return true;
    } catch (cause) {
      if (isCancelledByCondition(cause)) return false;
      throw new ParticipantStoreError('DynamoDB participant removal failed', { cause });
    }
  }

  async auditOfList(list: ParticipantListRef): Promise<ParticipantAudit[]> {
    try {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditOf(listKey(list)) },
      });
      return items.map((i) => i.entry as ParticipantAudit);
    } catch (cause) {
      throw new ParticipantStoreError('DynamoDB participants audit read failed', { cause });
    }
  }

  async recordAudit(list: ParticipantListRef, audit: ParticipantAudit): Promise<void> {
    try {
      await this.doc.send(new PutCommand({ TableName: this.table, Item: auditItem(list, audit) }));
    } catch (cause) {
      throw new ParticipantStoreError('DynamoDB participants audit write failed', { cause });
    }
  }

  private async write(items: readonly Item[]): Promise<void> {
    try {
      await this.doc.send(
        new TransactWriteCommand({ TransactItems: items.map((Item) => ({ Put: { TableName: this.table, Item } })) }),
      );
    } catch (cause) {
      throw new ParticipantStoreError('DynamoDB participants write failed', { cause });
    }
  }
}
