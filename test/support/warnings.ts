import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoNotices } from '../../functions/adapters/dynamoNotices.ts';
import { DynamoWarnings } from '../../functions/adapters/dynamoWarnings.ts';
import { SqsRecordQueue } from '../../functions/adapters/sqsRecordQueue.ts';
import type { Caller } from '../../functions/shared/auth.ts';
import type { WarningPorts } from '../../functions/warnings/warningPorts.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { putSubject, staffToken } from './runtime.ts';

/** The credit warning use cases' ports on a test runtime: its table, its records queue, its clock. */
export const warningPortsOn = (
  rt: LocalRuntime,
): WarningPorts & { warnings: DynamoWarnings; notices: DynamoNotices } => {
  const doc = documentClient(rt.dynamo);
  const url = rt.queues.find((q) => q.definition.name === 'records')!.url;
  return {
    store: rt.store,
    warnings: new DynamoWarnings(doc, rt.tableName),
    notices: new DynamoNotices(doc, rt.tableName),
    queue: new SqsRecordQueue(rt.sqs, url),
    cycles: rt.cycleStore,
    clock: rt.clock,
  };
};

export const leagueOfficer = (league = '150600'): Caller => ({ type: 'staff', claims: { role: 'league', league } });
export const unitUser = (id: string, kind: 'enterprise' | 'agency' = 'enterprise'): Caller => ({
  type: 'staff',
  claims: { role: kind, subject: id },
});

/** Registers an enterprise of `league` (by the region). */
export const registerEnterprise = async (rt: LocalRuntime, id: string, name: string, league = '150600') =>
  putSubject(rt, 'enterprise', id, { name, league }, await staffToken({ role: 'region' }));

/** A warning's form as the console posts it: a self-monitoring failure, `over` changing any field. */
export const warningForm = (subjectId: string, over: Record<string, unknown> = {}) => ({
  subjectKind: 'enterprise',
  subjectId,
  rule: 'PMT_SELF_MONITORING',
  occurredOn: '2026-08-20',
  description: '现场检查发现自行监测数据缺失。',
  rectificationRequired: '补齐自行监测方案并开展监测。',
  deadline: '2026-09-15',
  ...over,
});
