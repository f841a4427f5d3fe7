import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { LeagueCode } from '../../domain/identifiers/leagues.ts';
import { type IssuedNotice, type NoticeStore, NoticeStoreError } from '../ports/notices.ts';
import type { SubjectRef } from '../ports/store.ts';
import { isConditionFailure, readAll } from './dynamoSupport.ts';
import { participationKeys } from './participationKeys.ts';

/** A page's cursor: the index sort key of its last notice, base64url; anything else is refused. */
const CURSOR_SORT = /^\d{4}-\d\d-\d\dT[\d:.]+Z#[A-Za-z0-9._:@-]{1,200}$/;
const encodeCursor = (sort: string): string => Buffer.from(sort, 'utf8').toString('base64url');
const decodeCursor = (cursor: string): string | null => {
  if (cursor.length > 400 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const sort = Buffer.from(cursor, 'base64url').toString('utf8');
  return CURSOR_SORT.test(sort) ? sort : null;
};

/**
 * Notices on DynamoDB (docs/storage.md): `NOTICES#SUBJECT#<kind>#<id>` / `<id>`, put only when absent
 * (an issued notice is never replaced), indexed by issuing bureau on GSI1 (`NOTICES#<league>`).
 */
export class DynamoNotices implements NoticeStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async issue(notice: Omit<IssuedNotice, 'readAt'>): Promise<'issued' | 'exists'> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            PK: participationKeys.noticesTo(notice.to),
            SK: notice.id,
            GSI1PK: participationKeys.noticesOf(notice.league),
            GSI1SK: participationKeys.noticeSort(notice.issuedAt, notice.id),
            notice: { ...notice, readAt: null },
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'issued';
    } catch (cause) {
      if (isConditionFailure(cause)) return 'exists';
      throw new NoticeStoreError('DynamoDB notice write failed', { cause });
    }
  }

  async notice(to: SubjectRef, id: string): Promise<IssuedNotice | null> {
    try {
      const out = await this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: participationKeys.noticesTo(to), SK: id },
          ConsistentRead: true,
        }),
      );
      return (out.Item?.notice as IssuedNotice | undefined) ?? null;
    } catch (cause) {
      throw new NoticeStoreError('DynamoDB notice read failed', { cause });
    }
  }

  async noticesTo(to: SubjectRef): Promise<IssuedNotice[]> {
    try {
      const items = await readAll(this.doc, {
        kind: 'query',
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': participationKeys.noticesTo(to) },
      });
      return items
        .map((i) => i.notice as IssuedNotice)
        .sort((a, b) => (a.issuedAt === b.issuedAt ? a.id.localeCompare(b.id) : b.issuedAt.localeCompare(a.issuedAt)));
    } catch (cause) {
      throw new NoticeStoreError('DynamoDB notices read failed', { cause });
    }
  }

  async noticesOf(
    league: LeagueCode,
    page: { readonly limit: number; readonly cursor: string | null },
  ): Promise<{ readonly notices: IssuedNotice[]; readonly cursor: string | null }> {
    const after = page.cursor === null ? null : decodeCursor(page.cursor);
    if (page.cursor !== null && after === null) return { notices: [], cursor: null };
    try {
      const notices: IssuedNotice[] = [];
      let lastKey: Record<string, unknown> | undefined;
      do {
        const out = await this.doc.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: 'GSI1',
            KeyConditionExpression: after === null ? 'GSI1PK = :p' : 'GSI1PK = :p AND GSI1SK < :after',
            ExpressionAttributeValues: {
              ':p': participationKeys.noticesOf(league),
              ...(after === null ? {} : { ':after': after }),
            },
            ScanIndexForward: false,
            Limit: page.limit + 1 - notices.length,
            ExclusiveStartKey: lastKey,
          }),
        );
        notices.push(...(out.Items ?? []).map((i) => i.notice as IssuedNotice));
        lastKey = out.LastEvaluatedKey;
      } while (lastKey && notices.length <= page.limit);
      const more = notices.length > page.limit;
      const shown = notices.slice(0, page.limit);
      const last = shown.at(-1);
      return {
        notices: shown,
        cursor: more && last ? encodeCursor(participationKeys.noticeSort(last.issuedAt, last.id)) : null,
      };
    } catch (cause) {
      throw new NoticeStoreError('DynamoDB notices listing failed', { cause });
    }
  }

  async markRead(to: SubjectRef, id: string, at: string): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { PK: participationKeys.noticesTo(to), SK: id },
          UpdateExpression: 'SET notice.readAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND notice.readAt = :null',
          ExpressionAttributeValues: { ':at': at, ':null': null },
        }),
      );
    } catch (cause) {
      if (isConditionFailure(cause)) return;
      throw new NoticeStoreError('DynamoDB notice read receipt failed', { cause });
    }
  }
}
