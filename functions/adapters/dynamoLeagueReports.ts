import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { QualityCheck } from '../../domain/reports/qualityCheck.ts';
import type { ReportEntry } from '../../domain/reports/reportEntry.ts';
import {
  type LeagueReportStore,
  LeagueReportStoreError,
  type ReportAudit,
  type ReportHead,
  type ReportRef,
} from '../ports/leagueReports.ts';
import { type Item, isCancelledByCondition, readPrefix } from './dynamoSupport.ts';
import { keys } from './keys.ts';

const pk = (r: ReportRef) => keys.leagueReport(r.year, r.kind, r.league);
const v4 = (version: number) => String(version).padStart(4, '0');
const HEAD = 'HEAD#';
const entryPrefix = (version: number) => `ENTRY#${v4(version)}#`;
const CHECK = 'CHECK';
const AUDIT = 'AUDIT#';
/** Entries per transaction (DynamoDB takes up to 100 items; entries are small). */
const ENTRIES_PER_WRITE = 50;

/**
 * League reports on DynamoDB (docs/storage.md): `REPORT#<year>#<kind>#<league>` holds each version's
 * head (`HEAD#<v>`), its frozen entries (`ENTRY#<v>#<code>`), the region's quality check (`CHECK`)
 * and the audit trail (`AUDIT#<at>#<uuid>`).
 */
export class DynamoLeagueReports implements LeagueReportStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private auditPut(ref: ReportRef, a: ReportAudit) {
    return { Put: { TableName: this.table, Item: { PK: pk(ref), SK: `${AUDIT}${a.at}#${randomUUID()}`, audit: a } } };
  }

  private async prefix(ref: ReportRef, prefix: string): Promise<Item[]> {
    try {
      return await readPrefix(this.doc, this.table, pk(ref), prefix);
    } catch (cause) {
      throw new LeagueReportStoreError('DynamoDB report read failed', { cause });
    }
  }

  async versions(ref: ReportRef): Promise<ReportHead[]> {
    return (await this.prefix(ref, HEAD)).map((i) => i.head as ReportHead);
  }

  async latest(ref: ReportRef): Promise<ReportHead | null> {
    return (await this.versions(ref)).at(-1) ?? null;
  }

  async entries(ref: ReportRef, version: number): Promise<ReportEntry[]> {
    return (await this.prefix(ref, entryPrefix(version))).map((i) => i.entry as ReportEntry);
  }

  private async transact(
    what: string,
    items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>,
  ): Promise<boolean> {
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (cause) {
      if (isCancelledByCondition(cause)) return false;
      throw new LeagueReportStoreError(`DynamoDB report ${what} failed`, { cause });
    }
  }

  begin(head: ReportHead, audit: ReportAudit): Promise<boolean> {
    return this.transact('begin', [
      {
        Put: {
          TableName: this.table,
          Item: { PK: pk(head), SK: `${HEAD}${v4(head.version)}`, head },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      this.auditPut(head, audit),
    ]);
  }

  async putEntries(ref: ReportRef, version: number, entries: readonly ReportEntry[]): Promise<void> {
    // Plain puts in transactions (PutItem is all the writing functions are granted; no BatchWriteItem).
    for (let i = 0; i < entries.length; i += ENTRIES_PER_WRITE)
      await this.transact(
        'entries',
        entries.slice(i, i + ENTRIES_PER_WRITE).map((entry) => ({
          Put: { TableName: this.table, Item: { PK: pk(ref), SK: `${entryPrefix(version)}${entry.code}`, entry } },
        })),
      );
  }

  /** Replaces a version's head guarded by the status it leaves (a conditional Put: no UpdateItem needed). */
  private async status(
    ref: ReportRef,
    version: number,
    from: ReportHead['status'],
    set: Partial<ReportHead>,
    audit: ReportAudit,
  ) {
    let current: ReportHead | undefined;
    try {
      const out = await this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: pk(ref), SK: `${HEAD}${v4(version)}` },
          ConsistentRead: true,
        }),
      );
      current = out.Item?.head as ReportHead | undefined;
    } catch (cause) {
      throw new LeagueReportStoreError('DynamoDB report read failed', { cause });
    }
    if (current?.status !== from) return false;
    return this.transact('status', [
      {
        Put: {
          TableName: this.table,
          Item: { PK: pk(ref), SK: `${HEAD}${v4(version)}`, head: { ...current, ...set } },
          ConditionExpression: '#h.#s = :from',
          ExpressionAttributeNames: { '#h': 'head', '#s': 'status' },
          ExpressionAttributeValues: { ':from': from },
        },
      },
      this.auditPut(ref, audit),
    ]);
  }

  complete(ref: ReportRef, version: number, audit: ReportAudit): Promise<boolean> {
    return this.status(ref, version, 'preparing', { status: 'complete' }, audit);
  }

  markSent(
    ref: ReportRef,
    version: number,
    sent: { on: string; at: string; by: string },
    audit: ReportAudit,
  ): Promise<boolean> {
    return this.status(
      ref,
      version,
      'complete',
      { status: 'sent', sentOn: sent.on as ReportHead['sentOn'], sentAt: sent.at, sentBy: sent.by },
      audit,
    );
  }

  async check(ref: ReportRef): Promise<QualityCheck | null> {
    try {
      const out = await this.doc.send(
        new GetCommand({ TableName: this.table, Key: { PK: pk(ref), SK: CHECK }, ConsistentRead: true }),
      );
      return (out.Item?.check as QualityCheck | undefined) ?? null;
    } catch (cause) {
      throw new LeagueReportStoreError('DynamoDB quality check read failed', { cause });
    }
  }

  putCheck(check: QualityCheck, expectedVersion: number | null, audit: ReportAudit): Promise<boolean> {
    const ref = { year: check.year, kind: check.kind, league: check.league } as ReportRef;
    return this.transact('quality check', [
      {
        Put: {
          TableName: this.table,
          Item: { PK: pk(ref), SK: CHECK, check, version: check.version },
          ...(expectedVersion === null
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        },
      },
      this.auditPut(ref, audit),
    ]);
  }

  async auditOf(ref: ReportRef): Promise<ReportAudit[]> {
    return (await this.prefix(ref, AUDIT)).map((i) => i.audit as ReportAudit);
  }
}
