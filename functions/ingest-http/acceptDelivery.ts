import { randomUUID } from 'node:crypto';
import { appliesToCategories, ruleByCode } from '../../domain/catalogue/catalogue.ts';
import { contentHashOf } from '../../domain/records/contentHash.ts';
import { type CreditRecord, canonicalRecord, parseCreditRecord } from '../../domain/records/creditRecord.ts';
import { type InputIssue, validate } from '../../domain/validation.ts';
import type { WebhookSecrets } from '../ports/identity.ts';
import type { RecordMessage } from '../ports/messages.ts';
import type { RecordQueue } from '../ports/queue.ts';
import type { AuditLog, ClaimStore, EventClaim, OutboxStore, ProfileStore, Reservation } from '../ports/store.ts';
import type { Clock } from '../shared/clock.ts';
import { verifySignature } from '../shared/webhookSignature.ts';
import { webhookBody } from './contracts.ts';

/**
 * A delivery from an enforcement platform (docs/api.md §2): verify, validate, claim each eventId, enqueue.
 *
 * 202 means durable (docs/ingestion.md): every claim carries the message that applies it (a
 * transactional outbox), so the answer never waits on the queue and a sweeper re-sends whatever
 * stays unapplied. A batch is all-or-nothing, races included: its new claims are first *reserved*
 * under a delivery id, in parallel; the delivery then commits with one conditional write. On any
 * conflict the delivery removes its own reservations and nothing is queued. A delivery that meets
 * another's reservation waits for that delivery's outcome rather than answer for something that
 * may still be rolled back.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
export { MAX_BATCH, MAX_REASON_CHARS } from './contracts.ts';
export const MAX_HEADER_CHARS = { 'webhook-id': 256, 'webhook-timestamp': 32, 'webhook-signature': 2048 } as const;
export const MAX_SOURCE_CHARS = 64;
/** A reservation older than this belongs to a delivery that died (the function timeout is 10 s). */
export const STALE_RESERVATION_MS = 30_000;
/** How long a delivery waits for another delivery's outcome before answering "busy". */
export const WAIT_FOR_OTHER_MS = 5_000;

export type DeliveryOutcome =
  | { readonly status: 'accepted'; readonly accepted: number; readonly duplicates: number }
  | { readonly status: 'tooLarge' }
  | { readonly status: 'unauthorized'; readonly reason: string }
  | { readonly status: 'invalid'; readonly issues: InputIssue[] }
  | { readonly status: 'conflict'; readonly eventIds: string[] }
  | { readonly status: 'unknownEvent'; readonly eventId: string }
  /** A lifecycle message from a source other than the record's (audited). */
  | { readonly status: 'forbidden'; readonly eventId: string }
  /** Another delivery of the same eventId is still in progress: retry shortly. */
  | { readonly status: 'busy'; readonly eventIds: string[] };

export interface Delivery {
  readonly source: string;
  readonly headers: { id?: string; timestamp?: string; signature?: string };
  readonly body: Buffer;
}

export class AcceptDelivery {
  constructor(
    private readonly secrets: WebhookSecrets,
    private readonly store: ClaimStore & OutboxStore & AuditLog & ProfileStore,
    private readonly queue: RecordQueue,
    private readonly clock: Clock,
    /** Told when the enqueue after a commit fails (the sweeper sends it later). */
    private readonly onEnqueueFailure: (err: unknown) => void = () => {},
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async execute(delivery: Delivery): Promise<DeliveryOutcome> {
    if (delivery.body.length > MAX_BODY_BYTES) return { status: 'tooLarge' };
    const headerIssues = (Object.keys(MAX_HEADER_CHARS) as (keyof typeof MAX_HEADER_CHARS)[])
      .filter(
        (h) =>
          (delivery.headers[h === 'webhook-id' ? 'id' : h === 'webhook-timestamp' ? 'timestamp' : 'signature']
            ?.length ?? 0) > MAX_HEADER_CHARS[h],
      )
      .map((h) => ({ path: `headers.${h}`, message: `请求头 ${h} 不能超过${MAX_HEADER_CHARS[h]}个字符` }));
    if (headerIssues.length > 0) return { status: 'invalid', issues: headerIssues };
    if (delivery.source.length > MAX_SOURCE_CHARS) return { status: 'unauthorized', reason: 'unknown-source' };
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
    const parsed = validate(webhookBody, raw);
    if (!parsed.ok) return { status: 'invalid', issues: parsed.issues };
    const body = parsed.value;
    const receivedAt = now.toISOString();
    if (body.type === 'record.rectified' || body.type === 'record.revoked') {
      return this.lifecycle(
        body.eventId,
        body.type === 'record.rectified' ? 'rectifiedOn' : 'revokedOn',
        body.on,
        body.type === 'record.revoked' ? (body.reason ?? null) : null,
        delivery.source,
        receivedAt,
      );
    }
    const inputs =
      body.type === 'record.created'
        ? [{ raw: body.record, path: 'record' }]
        : body.records.map((r, i) => ({ raw: r, path: `records[${i}]` }));
    return this.created(inputs, delivery.source, receivedAt);
  }

  private async created(
    inputs: { raw: unknown; path: string }[],
    source: string,
    receivedAt: string,
  ): Promise<DeliveryOutcome> {
    // All-or-nothing at validation (docs/api.md §2).
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
    if (conflicts.size > 0) return { status: 'conflict', eventIds: [...conflicts] };

    const delivery = randomUUID();
    const mine: string[] = [];
    const resend = new Map<string, RecordMessage>();
    let open = [...byId.keys()];
    const deadline = Date.now() + WAIT_FOR_OTHER_MS;
    for (let round = 0; open.length > 0; round++) {
      const claims = await this.store.getClaims(open);
      const waiting: string[] = [];
      const toReserve: Reservation[] = [];
      for (const id of open) {
        const r = byId.get(id)!;
        const c = claims.get(id);
        if (!c) {
          toReserve.push(this.reservation(r.record, r.hash, source, receivedAt));
        } else if (c.inDoubt) {
          if (Date.parse(c.inDoubt.reservedAt) < this.clock.now().getTime() - STALE_RESERVATION_MS) {
            // Abandoned by a delivery that died: roll it back (or find it committed) and look again.
            await this.store.settleReservation(id, c.inDoubt.delivery, this.clock.now().toISOString());
          }
          waiting.push(id);
        } else if (c.contentHash !== r.hash) conflicts.add(id);
        else {
          duplicates++;
          if (!c.applied) resend.set(id, this.createdMessage(r.record, r.hash, source, receivedAt));
        }
      }
      if (conflicts.size > 0) break;
      const { reserved, blocked } = await this.store.reserveClaims(delivery, toReserve, receivedAt);
      mine.push(...reserved);
      open = [...waiting, ...blocked];
      if (open.length === 0) break;
      if (Date.now() > deadline) {
        await this.store.abortDelivery(delivery, mine, this.clock.now().toISOString());
        return { status: 'busy', eventIds: open };
      }
      await this.sleep(Math.min(50 * 2 ** round, 500));
    }
    if (conflicts.size > 0) {
      if (mine.length > 0) await this.store.abortDelivery(delivery, mine, this.clock.now().toISOString());
      return { status: 'conflict', eventIds: [...conflicts] };
    }
    if (mine.length > 0 && !(await this.store.commitDelivery(delivery, this.clock.now().toISOString()))) {
      // Rolled back by someone who took us for dead: nothing of ours stands.
      await this.store.abortDelivery(delivery, mine, this.clock.now().toISOString()).catch(() => undefined);
      return { status: 'busy', eventIds: mine };
    }
    // Durable now; the enqueue only makes it quick (the sweeper sends whatever is left unapplied).
    const toQueue = [
      ...mine.map((id) => this.createdMessage(byId.get(id)!.record, byId.get(id)!.hash, source, receivedAt)),
      ...resend.values(),
    ];
    await this.enqueue(toQueue);
    return { status: 'accepted', accepted: mine.length, duplicates };
  }

  private async enqueue(messages: readonly RecordMessage[]): Promise<void> {
    if (messages.length === 0) return;
    try {
      await this.queue.send(messages);
    } catch (err) {
      this.onEnqueueFailure(err);
    }
  }

  private reservation(record: CreditRecord, hash: string, source: string, receivedAt: string): Reservation {
    const claim: EventClaim = {
      eventId: record.eventId,
      subject: { kind: record.subject.kind, id: record.subject.id },
      contentHash: hash,
      occurredOn: record.occurredOn,
      rectifiedOn: record.rectifiedOn,
      revokedOn: record.revokedOn,
      applied: false,
      source,
      claimedAt: receivedAt,
    };
    return { claim, league: record.league ?? null, message: this.createdMessage(record, hash, source, receivedAt) };
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
        issues.push({
          path: `${path}.rule`,
          message: `评价指标 ${record.rule} 不适用于该机构的类别（${profile.subject.categories.join('、')}）`,
        });
    }
    return issues;
  }

  private createdMessage(record: CreditRecord, contentHash: string, source: string, receivedAt: string): RecordMessage {
    return { type: 'record.created', record, contentHash, source, receivedAt };
  }

  /** The claim as committed, waiting a little for a creation still in progress. */
  private async committedClaim(eventId: string): Promise<EventClaim | null | 'busy'> {
    const deadline = Date.now() + WAIT_FOR_OTHER_MS;
    for (let round = 0; ; round++) {
      const c = (await this.store.getClaims([eventId])).get(eventId);
      if (!c) return null;
      if (!c.inDoubt) return c;
      if (Date.parse(c.inDoubt.reservedAt) < this.clock.now().getTime() - STALE_RESERVATION_MS)
        await this.store.settleReservation(eventId, c.inDoubt.delivery, this.clock.now().toISOString());
      else if (Date.now() > deadline) return 'busy';
      else await this.sleep(Math.min(50 * 2 ** round, 500));
    }
  }

  private async lifecycle(
    eventId: string,
    field: 'rectifiedOn' | 'revokedOn',
    on: string,
    reason: string | null,
    source: string,
    receivedAt: string,
  ): Promise<DeliveryOutcome> {
    const before = await this.committedClaim(eventId);
    if (before === 'busy') return { status: 'busy', eventIds: [eventId] };
    if (!before) return { status: 'unknownEvent', eventId };
    // Only the platform that reported a record may rectify or revoke it; a refusal is audited.
    if (before.source !== source) {
      await this.store.auditRefusal({
        subject: before.subject,
        at: receivedAt,
        actor: `webhook:${source}`,
        action: `${field === 'rectifiedOn' ? 'record.rectified' : 'record.revoked'}.refused`,
        what: { eventId, [field]: on, recordSource: before.source },
        why: '仅报送该记录的执法平台可以更正或撤销该记录',
      });
      return { status: 'forbidden', eventId };
    }
    if (on < before.occurredOn)
      return {
        status: 'invalid',
        issues: [{ path: 'on', message: `日期不能早于记录的发生日期（${before.occurredOn}）` }],
      };
    const message: RecordMessage =
      field === 'rectifiedOn'
        ? { type: 'record.rectified', eventId, subject: before.subject, on, source, receivedAt }
        : { type: 'record.revoked', eventId, subject: before.subject, on, reason, source, receivedAt };
    const claimed = await this.store.claimLifecycle(eventId, field, on, { message, at: receivedAt });
    if (claimed.outcome === 'unknown') return { status: 'unknownEvent', eventId };
    if (claimed.outcome === 'conflict') return { status: 'conflict', eventIds: [eventId] };
    if (claimed.outcome === 'claimed') {
      await this.enqueue([message]);
      return { status: 'accepted', accepted: 1, duplicates: 0 };
    }
    // A duplicate: sent again only if its first message has not been applied yet.
    const entry = await this.store.outboxMessage({ eventId, entry: field });
    if (entry && !entry.applied && !entry.stuck && entry.message) await this.enqueue([entry.message]);
    return { status: 'accepted', accepted: 0, duplicates: 1 };
  }
}
