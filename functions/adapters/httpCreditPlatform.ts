import { GRADE_NAMES } from '../../domain/evaluation/grade.ts';
import { isJurisdictionCode, jurisdictionName } from '../../domain/identifiers/leagues.ts';
import { type CreditPlatform, CreditPlatformError, type PushBatch } from '../ports/creditPlatform.ts';

/**
 * The credit platform over HTTP: one POST of JSON per batch to a configurable endpoint, with the
 * batch id as idempotency key. Takes its `fetch` in the constructor (the edge that tests mock).
 * The field names follow the regulation's terms; the platform's own format is not specified yet.
 * A re-issued result (Art 23) goes as a `correction` (更正) of the same year's result, under its own
 * batch id: the platform replaces what it shows, as 信用中国 stops showing a repaired record.
 */
export const KIND_NAMES = { enterprise: '企事业单位', agency: '第三方服务机构' } as const;

export class HttpCreditPlatform implements CreditPlatform {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly endpoint: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async push(batch: PushBatch): Promise<void> {
    const body = {
      source: '内蒙古自治区生态环境厅',
      category: '环保信用评价结果',
      kind: batch.kind,
      kindName: KIND_NAMES[batch.kind],
      year: batch.year,
      publishedOn: batch.publishedOn,
      batchId: batch.batchId,
      ...(batch.correction
        ? {
            correction: {
              type: '更正',
              version: batch.correction.version,
              reissuedOn: batch.correction.reissuedOn,
              reason: '信用修复后重新评价（第二十三条）',
              repairs: batch.correction.repairs.map((r) => ({ eventId: r.eventId, repairedOn: r.repairedOn })),
            },
          }
        : {}),
      entries: batch.entries.map((e) => ({
        uscc: e.uscc,
        name: e.name,
        league: e.league,
        leagueName: isJurisdictionCode(e.league) ? jurisdictionName(e.league) : e.league,
        grade: e.grade,
        gradeName: GRADE_NAMES[e.grade],
        score: e.score,
        blacklisted: e.blacklisted,
      })),
    };
    let res: Response;
    try {
      res = await this.fetchImpl(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': batch.batchId },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw new CreditPlatformError(`credit platform unreachable: ${this.endpoint}`, { cause });
    }
    if (!res.ok) throw new CreditPlatformError(`credit platform refused batch ${batch.batchId}: HTTP ${res.status}`);
  }
}

/** Without a configured endpoint (locally): the batches are logged, not sent. */
export class LoggingCreditPlatform implements CreditPlatform {
  readonly pushed: PushBatch[] = [];
  constructor(private readonly log: (message: string, extra: Record<string, unknown>) => void) {}
  async push(batch: PushBatch): Promise<void> {
    this.pushed.push(batch);
    this.log('未配置公共信用信息平台地址（ECOCREDIT_CREDIT_PLATFORM_URL），推送内容仅记录', {
      batchId: batch.batchId,
      kind: batch.kind,
      year: batch.year,
      entries: batch.entries.length,
    });
  }
}
