import * as z from 'zod/mini';
import { appliesToCategories, ruleByCode } from '../../domain/catalogue/catalogue.ts';
import { canonicalRecord, type CreditRecord, eventIdSchema, legalDate, parseCreditRecord } from '../../domain/records/creditRecord.ts';
import { type InputIssue, validate } from '../../domain/validation.ts';
import type { WebhookSecrets } from '../ports/identity.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { CreditStore, EventClaim, LifecycleField } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { verifySignature } from '../shared/webhookSignature.ts';
import { contentHashOf } from '../ingest-worker/applyRecordMessage.ts';
import type { RecordMessage } from '../ingest-worker/messages.ts';

/**
 * A delivery from an enforcement platform (API.md §2): verify, validate, claim each eventId, enqueue.
 * Claims are written before the enqueue, so a conflicting delivery is refused at once (409) and a
 * crash between the two is repaired by the platform's retry (a claimed but unapplied record is
 * enqueued again as a duplicate).
 */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_BATCH = 500;

export type DeliveryOutcome =
  | { readonly status: 'accepted'; readonly accepted: number; readonly duplicates: number }
  | { readonly status: 'tooLarge' }
  | { readonly status: 'unauthorized'; readonly reason: string }
  | { readonly status: 'invalid'; readonly issues: InputIssue[] }
  | { readonly status: 'conflict'; readonly eventIds: string[] }
  | { readonly status: 'unknownEvent'; readonly eventId: string };

const bodySchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('record.created'), record: z.unknown() }),
    z.object({ type: z.literal('record.rectified'), eventId: eventIdSchema, on: legalDate('整改完成日期') }),
    z.object({ type: z.literal('record.revoked'), eventId: eventIdSchema, on: legalDate('撤销日期'), reason: z.optional(z.nullable(z.string())) }),
    z.object({
      type: z.literal('records.batch'),
      records: z.array(z.unknown(), { error: 'records 须为数组' }).check(
        z.minLength(1, { error: '批量报送至少包含一条记录' }),
        z.maxLength(MAX_BATCH, { error: `批量报送最多${MAX_BATCH}条记录` }),
      ),
    }),
  ],
  { error: 'type 须为 record.created、record.rectified、record.revoked 或 records.batch' },
);

export interface Delivery {
  readonly source: string;
  readonly headers: { id?: string; timestamp?: string; signature?: string };
  readonly body: Buffer;
}

export class AcceptDelivery {
  constructor(
    private readonly secrets: WebhookSecrets,
    private readonly store: CreditStore,
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
  ) {}

  async execute(delivery: Delivery): Promise<DeliveryOutcome> {
    if (delivery.body.length > MAX_BODY_BYTES) return { status: 'tooLarge' };
    const secret = await this.secrets.secretFor(delivery.source);
    if (!secret) return { status: 'unauthorized', reason: 'unknown-source' };
    const now = this.clock.now();
    const signature = verifySignature(secret, delivery.headers, delivery.body, Math.floor(now.getTime() / 1000));
    if (!signature.ok) return { status: 'unauthorized', reason: signature.reason };

    let raw: unknown;
    try {
      raw = JSON.parse(delivery.body.toString('utf8'));
    } catch {
      return { status: 'invalid', issues: [{ path: '', message: '请求体不是有效的 JSON' }] };
    }
    const parsed = validate(bodySchema, raw);
    if (!parsed.ok) return { status: 'invalid', issues: parsed.issues };
    const body = parsed.value;
    const receivedAt = now.toISOString();
    if (body.type === 'record.rectified' || body.type === 'record.revoked') {
      return this.lifecycle(body.eventId, body.type === 'record.rectified' ? 'rectifiedOn' : 'revokedOn', body.on, body.type === 'record.revoked' ? (body.reason ?? null) : null, delivery.source, receivedAt);
    }
    const inputs = body.type === 'record.created' ? [{ raw: body.record, path: 'record' }] : body.records.map((r, i) => ({ raw: r, path: `records[${i}]` }));
    return this.created(inputs, delivery.source, receivedAt);
  }

  private async created(inputs: { raw: unknown; path: string }[], source: string, receivedAt: string): Promise<DeliveryOutcome> {
    // All-or-nothing at validation (API.md §2).
    const issues: InputIssue[] = [];
    const records: { record: CreditRecord; hash: string; path: string }[] = [];
    for (const input of inputs) {
      const v = parseCreditRecord(input.raw, input.path);
      if (v.ok) records.push({ record: v.value, hash: contentHashOf(canonicalRecord(v.value)), path: input.path });
      else issues.push(...v.issues);
    }
    if (issues.length > 0) return { status: 'invalid', issues: issues.slice(0, 50) };
    issues.push(...(await this.categoryIssues(records)));
    if (issues.length > 0) return { status: 'invalid', issues };

    // One eventId twice in the batch: identical counts once, different is a conflict.
    const byId = new Map<string, { record: CreditRecord; hash: string }>();
    const conflicts = new Set<string>();
    let duplicates = 0;
    for (const r of records) {
      const seen = byId.get(r.record.eventId);
      if (!seen) byId.set(r.record.eventId, r);
      else if (seen.hash === r.hash) duplicates++;
      else conflicts.add(r.record.eventId);
    }
    const claims = await this.store.getClaims([...byId.keys()]);
    for (const [id, r] of byId) {
      const c = claims.get(id);
      if (c && c.contentHash !== r.hash) conflicts.add(id);
    }
    if (conflicts.size > 0) return { status: 'conflict', eventIds: [...conflicts] };

    const toQueue: RecordMessage[] = [];
    let accepted = 0;
    const raced: string[] = [];
    for (const [id, r] of byId) {
      const existing = claims.get(id);
      if (existing) {
        duplicates++;
        if (!existing.applied) toQueue.push(this.createdMessage(r.record, r.hash, source, receivedAt));
        continue;
      }
      const claim: EventClaim = {
        eventId: id, subject: { kind: r.record.subject.kind, id: r.record.subject.id }, contentHash: r.hash, occurredOn: r.record.occurredOn,
        rectifiedOn: r.record.rectifiedOn, revokedOn: r.record.revokedOn, applied: false, source, claimedAt: receivedAt,
      };
      if (await this.store.claimEvent(claim)) {
        accepted++;
        toQueue.push(this.createdMessage(r.record, r.hash, source, receivedAt));
        continue;
      }
      // Claimed meanwhile by a concurrent delivery: the same content is a duplicate.
      const now = (await this.store.getClaims([id])).get(id);
      if (now?.contentHash === r.hash) {
        duplicates++;
        toQueue.push(this.createdMessage(r.record, r.hash, source, receivedAt));
      } else raced.push(id);
    }
    await this.queue.send(toQueue);
    if (raced.length > 0) return { status: 'conflict', eventIds: raced };
    return { status: 'accepted', accepted, duplicates };
  }

  /** Annex 2 机构分类指标: a category rule for a registered agency without that category is refused. */
  private async categoryIssues(records: { record: CreditRecord; path: string }[]): Promise<InputIssue[]> {
    const issues: InputIssue[] = [];
    for (const { record, path } of records) {
      const rule = ruleByCode(record.rule);
      if (record.subject.kind !== 'agency' || !rule?.agencyCategories) continue;
      const profile = await this.store.getProfile(record.subject);
      if (profile?.registration !== 'registered' || profile.subject.kind !== 'agency') continue;
      if (!appliesToCategories(rule, profile.subject.categories))
        issues.push({ path: `${path}.rule`, message: `评价指标 ${record.rule} 不适用于该机构的类别（${profile.subject.categories.join('、')}）` });
    }
    return issues;
  }

  private createdMessage(record: CreditRecord, contentHash: string, source: string, receivedAt: string): RecordMessage {
    return { type: 'record.created', record, contentHash, source, receivedAt };
  }

  private async lifecycle(eventId: string, field: LifecycleField, on: string, reason: string | null, source: string, receivedAt: string): Promise<DeliveryOutcome> {
    const before = (await this.store.getClaims([eventId])).get(eventId);
    if (!before) return { status: 'unknownEvent', eventId };
    if (on < before.occurredOn) return { status: 'invalid', issues: [{ path: 'on', message: `日期不能早于记录的发生日期（${before.occurredOn}）` }] };
    const claimed = await this.store.claimLifecycle(eventId, field, on);
    if (claimed.outcome === 'unknown') return { status: 'unknownEvent', eventId };
    if (claimed.outcome === 'conflict') return { status: 'conflict', eventIds: [eventId] };
    const message: RecordMessage =
      field === 'rectifiedOn'
        ? { type: 'record.rectified', eventId, subject: claimed.claim.subject, on, source, receivedAt }
        : { type: 'record.revoked', eventId, subject: claimed.claim.subject, on, reason, source, receivedAt };
    await this.queue.send([message]);
    return claimed.outcome === 'claimed' ? { status: 'accepted', accepted: 1, duplicates: 0 } : { status: 'accepted', accepted: 0, duplicates: 1 };
  }
}
