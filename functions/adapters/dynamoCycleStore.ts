import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { OfficialCalendarData } from '../../domain/calendar/officialCalendar.ts';
import type { Cycle } from '../../domain/cycles/cycle.ts';
import type { CycleKind } from '../../domain/cycles/definitions.ts';
import type { CycleAudit, CycleAuditOwner, CycleStore, CycleWrite } from '../ports/cycleStore.ts';
import { type DeadlineRef, type DeadlineTarget, sameDeadline } from '../ports/scheduler.ts';
import { StoreError } from '../ports/store.ts';
import { type Item, isCancelledByCondition, readAll, storeCall, versionGuard } from './dynamoSupport.ts';
import {
  auditOwnerKey,
  auditOwnerOf,
  type DeadlineWire,
  deadlineOfWire,
  deadlineRefWire,
  deadlineWire,
  keys,
} from './keys.ts';

/** The due-time index: one item per scheduled deadline, queried by the nightly sweep on GSI2. */
const indexKey = (d: DeadlineRef) => {
  const w = deadlineRefWire(d);
  return { PK: keys.deadline(w.owner), SK: w.deadlineId };
};
const indexItem = (t: DeadlineTarget): Item => {
  const w = deadlineWire(t);
  return {
    PK: keys.deadline(w.owner),
    SK: w.deadlineId,
    GSI2PK: keys.due,
    GSI2SK: keys.dueSort(w.at, w.owner, w.deadlineId),
    target: w,
  };
};
/** An audit entry as stored: its owner as its partition's tail. */
const auditItem = (a: CycleAudit): Item => {
  const owner = auditOwnerKey(a.owner);
  return { PK: keys.auditOf(owner), SK: keys.auditEntry(a.at, randomUUID()), entry: { ...a, owner } };
};

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
    const r = await this.run('Get', () =>
      this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { PK: keys.cycle(year, kind), SK: keys.cycleItem },
          ConsistentRead: true,
        }),
      ),
    );
    return r.Item ? (JSON.parse(r.Item.cycle as string) as Cycle) : null;
  }

  async writeCycle(w: CycleWrite): Promise<boolean> {
    const owner = keys.cycle(w.cycle.year, w.cycle.kind);
    const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
      {
        Put: {
          TableName: this.table,
          Item: {
            PK: owner,
            SK: keys.cycleItem,
            cycle: JSON.stringify(w.cycle),
            version: w.cycle.version,
            GSI1PK: keys.cycles,
            GSI1SK: keys.cycleSort(w.cycle.year, w.cycle.kind),
          },
          ...versionGuard(w.expectedVersion),
        },
      },
      ...w.scheduled.map((t) => ({ Put: { TableName: this.table, Item: indexItem(t) } })),
      ...w.unscheduled
        .filter((u) => !w.scheduled.some((t) => sameDeadline(t, u)))
        .map((t) => ({ Delete: { TableName: this.table, Key: indexKey(t) } })),
      ...w.audit.map((a) => ({ Put: { TableName: this.table, Item: auditItem(a) } })),
    ];
    // A transaction holds at most 100 items: the cycle and the first 99 changes; the rest follow.
    const [first, rest] = [items.slice(0, 100), items.slice(100)];
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: first }));
    } catch (err) {
      if (isCancelledByCondition(err)) return false;
      throw new StoreError('DynamoDB cycle transaction failed', { cause: err });
    }
    for (let i = 0; i < rest.length; i += 100)
      await this.run('TransactWrite', () =>
        this.doc.send(new TransactWriteCommand({ TransactItems: rest.slice(i, i + 100) })),
      );
    return true;
  }

  async listCycles(): Promise<Cycle[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :p',
      ExpressionAttributeValues: { ':p': keys.cycles },
    });
    return items.map((i) => JSON.parse(i.cycle as string) as Cycle);
  }

  async dueDeadlines(until: string): Promise<DeadlineTarget[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :p AND GSI2SK <= :u',
      ExpressionAttributeValues: { ':p': keys.due, ':u': keys.until(until) },
    });
    return items.flatMap((i) => deadlineOfWire(i.target as DeadlineWire) ?? []);
  }

  async indexDeadline(t: DeadlineTarget): Promise<void> {
    await this.run('Put', () => this.doc.send(new PutCommand({ TableName: this.table, Item: indexItem(t) })));
  }

  async unindexDeadline(t: DeadlineRef): Promise<void> {
    await this.run('Delete', () => this.doc.send(new DeleteCommand({ TableName: this.table, Key: indexKey(t) })));
  }

  async putCalendar(year: number, data: OfficialCalendarData, audit: CycleAudit): Promise<void> {
    await this.run('TransactWrite', () =>
      this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: { TableName: this.table, Item: { PK: keys.calendar, SK: String(year), data: JSON.stringify(data) } },
            },
            { Put: { TableName: this.table, Item: auditItem(audit) } },
          ],
        }),
      ),
    );
  }

  async calendars(): Promise<OfficialCalendarData[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :p',
      ExpressionAttributeValues: { ':p': keys.calendar },
    });
    return items.map((i) => JSON.parse(i.data as string) as OfficialCalendarData);
  }

  async auditOfCycle(owner: CycleAuditOwner): Promise<CycleAudit[]> {
    const items = await readAll(this.doc, {
      kind: 'query',
      TableName: this.table,
      KeyConditionExpression: 'PK = :p',
      ExpressionAttributeValues: { ':p': keys.auditOf(auditOwnerKey(owner)) },
    });
    return items.map((i) => {
      const entry = i.entry as Omit<CycleAudit, 'owner'> & { owner: string };
      return { ...entry, owner: auditOwnerOf(entry.owner) };
    });
  }
}
