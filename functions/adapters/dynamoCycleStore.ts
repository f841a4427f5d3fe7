import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { OfficialCalendarData } from '../../domain/calendar/officialCalendar.ts';
import type { Cycle } from '../../domain/cycles/cycle.ts';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import { type CycleAudit, type CycleStore, type CycleWrite, cycleOwner } from '../ports/cycleStore.ts';
import type { DeadlineTarget } from '../ports/scheduler.ts';
import { StoreError } from '../ports/store.ts';

import { isCancelledByCondition, type Item, readAll, storeCall, versionGuard } from './dynamoSupport.ts';

/** The due-time index: one item per scheduled deadline, queried by the nightly sweep on GSI2. */
const indexKey = (t: Pick<DeadlineTarget, 'owner' | 'deadlineId'>) => ({ PK: `DEADLINE#${t.owner}`, SK: t.deadlineId });
const indexItem = (t: DeadlineTarget): Item => ({ ...indexKey(t), GSI2PK: 'DUE', GSI2SK: `${t.at}#${t.owner}#${t.deadlineId}`, target: t });

/** Cycles in the single table (docs/storage.md #14, #15). Takes its SDK client in the constructor. */
export class DynamoCycleStore implements CycleStore {
  private readonly doc: DynamoDBDocumentClient;
  constructor(
    client: DynamoDBClient,
    private readonly table: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  private run<T>(what: string, op: () => Promise<T>): Promise<T> {
    return storeCall(what, op);
  }

  async getCycle(year: number, kind: CycleKind): Promise<Cycle | null> {
    const r = await this.run('Get', () => this.doc.send(new GetCommand({ TableName: this.table, Key: { PK: cycleOwner(year, kind), SK: 'CYCLE' }, ConsistentRead: true })));
    return r.Item ? (JSON.parse(r.Item.cycle as string) as Cycle) : null;
  }

  async writeCycle(w: CycleWrite): Promise<boolean> {
    const owner = cycleOwner(w.cycle.year, w.cycle.kind);
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.table,
          Item: { PK: owner, SK: 'CYCLE', cycle: JSON.stringify(w.cycle), version: w.cycle.version, GSI1PK: 'CYCLES', GSI1SK: `${w.cycle.year}#${w.cycle.kind}` },
          ...versionGuard(w.expectedVersion),
        },
      },
      ...w.scheduled.map((t) => ({ Put: { TableName: this.table, Item: indexItem(t) } })),
      ...w.unscheduled.filter((u) => !w.scheduled.some((t) => t.deadlineId === u.deadlineId && t.owner === u.owner)).map((t) => ({ Delete: { TableName: this.table, Key: indexKey(t) } })),
      ...w.audit.map((a) => ({ Put: { TableName: this.table, Item: { PK: `AUDIT#${a.owner}`, SK: `${a.at}#${randomUUID()}`, entry: a } } })),
    ];
    // A transaction holds at most 100 items: the cycle and the first 99 changes; the rest follow.
    const [first, rest] = [items.slice(0, 100), items.slice(100)];
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: first }));
    } catch (err) {
      if (isCancelledByCondition(err)) return false;
      throw new StoreError('DynamoDB cycle transaction failed', { cause: err });
    }
    for (let i = 0; i < rest.length; i += 100) await this.run('TransactWrite', () => this.doc.send(new TransactWriteCommand({ TransactItems: rest.slice(i, i + 100) })));
    return true;
  }

  async listCycles(): Promise<Cycle[]> {
    const r = await this.run('Query', () =>
      this.doc.send(new QueryCommand({ TableName: this.table, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: { ':p': 'CYCLES' } })),
    );
    return ((r.Items as Item[] | undefined) ?? []).map((i) => JSON.parse(i.cycle as string) as Cycle);
  }

  async dueDeadlines(until: string): Promise<DeadlineTarget[]> {
    const items = await readAll(this.doc, {
      kind: 'query', TableName: this.table, IndexName: 'GSI2', KeyConditionExpression: 'GSI2PK = :p AND GSI2SK <= :u',
      ExpressionAttributeValues: { ':p': 'DUE', ':u': `${until}#~` },
    });
    return items.map((i) => i.target as DeadlineTarget);
  }

  async indexDeadline(t: DeadlineTarget): Promise<void> {
    await this.run('Put', () => this.doc.send(new PutCommand({ TableName: this.table, Item: indexItem(t) })));
  }

  async unindexDeadline(t: Pick<DeadlineTarget, 'owner' | 'deadlineId'>): Promise<void> {
    await this.run('Delete', () => this.doc.send(new DeleteCommand({ TableName: this.table, Key: indexKey(t) })));
  }

  async putCalendar(year: number, data: OfficialCalendarData, audit: CycleAudit): Promise<void> {
    await this.run('TransactWrite', () =>
      this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.table, Item: { PK: 'CALENDAR', SK: String(year), data: JSON.stringify(data) } } },
            { Put: { TableName: this.table, Item: { PK: `AUDIT#${audit.owner}`, SK: `${audit.at}#${randomUUID()}`, entry: audit } } },
          ],
        }),
      ),
    );
  }

  async calendars(): Promise<OfficialCalendarData[]> {
    const r = await this.run('Query', () =>
      this.doc.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': 'CALENDAR' } })),
    );
    return ((r.Items as Item[] | undefined) ?? []).map((i) => JSON.parse(i.data as string) as OfficialCalendarData);
  }

  async auditOfCycle(owner: string): Promise<CycleAudit[]> {
    const r = await this.run('Query', () =>
      this.doc.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: 'PK = :p', ExpressionAttributeValues: { ':p': `AUDIT#${owner}` } })),
    );
    return ((r.Items as Item[] | undefined) ?? []).map((i) => i.entry as CycleAudit);
  }
}
