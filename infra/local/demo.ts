import { SUBJECT_KIND_NAMES, type SubjectKind } from '../../domain/catalogue/kinds.ts';
import { addDays, legalDateOfInstant } from '../../domain/dates.ts';
import { evaluateEach } from '../../domain/evaluation/evaluate.ts';
import { parseEvaluationInput } from '../../domain/evaluation/evaluationInput.ts';
import { GRADE_NAMES, type Grade } from '../../domain/evaluation/grade.ts';
import { LEAGUE_CODES, REGION_CODE } from '../../domain/identifiers/leagues.ts';
import type { ParticipantEntry } from '../../domain/participants/participant.ts';
import type { Subject } from '../../domain/subjects/subject.ts';
import { documentClient } from '../../functions/adapters/dynamoDocument.ts';
import { DynamoParticipants } from '../../functions/adapters/dynamoParticipants.ts';
import { signLocalToken } from '../../functions/adapters/tokenVerifiers.ts';
import { postSigned } from '../../functions/cli/webhookClient.ts';
import type { SubjectRef } from '../../functions/ports/store.ts';
import { listedParticipants } from '../../functions/publication/listedParticipants.ts';
import { PUBLICATION_BATCH, PublishResults } from '../../functions/publication/publishResults.ts';
import { EcocreditError } from '../../functions/shared/errors.ts';
import { chunks, listAllSubjects } from '../../functions/shared/subjects.ts';
import { generateDataSet } from './demoData.ts';
import { queueDepth } from './poller.ts';
import type { LocalRuntime } from './runtime.ts';

/**
 * `npm start -- --demo`: a region's worth of subjects (300 across the twelve leagues) registered
 * through the API and 2,000 records sent through the signed webhook, like a platform would; the
 * progress is reported while it loads, and a few subjects of each grade are named to try.
 */
export interface DemoSummary {
  readonly subjects: number;
  readonly records: number;
  /** The previous year's results, published for the public site. */
  readonly published: { readonly year: number; readonly subjects: number };
  /** A few subjects to look up, with the grade the service gave them. */
  readonly samples: readonly DemoSample[];
}

export interface DemoSample {
  readonly kind: SubjectKind;
  readonly id: string;
  readonly name: string;
  readonly grade: Grade | null;
  readonly score: number | null;
  readonly dishonest: boolean;
}

export interface DemoOptions {
  readonly subjects?: number;
  readonly records?: number;
  /** One line of progress at a time (the caller decides how to show it). */
  readonly progress?: (line: string) => void;
}

/** The demo data set could not be loaded through the API (the message is for the person at the terminal). */
export class DemoLoadError extends EcocreditError {
  override readonly name = 'DemoLoadError';
}

/** Registrations are light; a batch of records fans out into many table writes, so two at a time. */
const REGISTRATIONS_AT_ONCE = 8;
const BATCHES_AT_ONCE = 2;
const BATCH = 250;

export const loadDemoData = async (
  rt: LocalRuntime,
  source: string,
  secret: string,
  jwtSecret: string,
  options: DemoOptions = {},
): Promise<DemoSummary> => {
  const progress = options.progress ?? (() => undefined);
  // Two years of records up to the local clock's date, so none lies in the future.
  const today = legalDateOfInstant(rt.clock.now());
  const data = generateDataSet(options.subjects ?? 300, options.records ?? 2000, 7, addDays(today, -729));
  const token = await signLocalToken(jwtSecret, { role: 'region', league: REGION_CODE });

  let registered = 0;
  await inParallel(data.subjects, REGISTRATIONS_AT_ONCE, async (s) => {
    const { kind, id, ...body } = s;
    const res = await fetch(`${rt.url}/v1/subjects/${kind}/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    if (res.status >= 300)
      throw new DemoLoadError(
        `演示数据加载失败：登记主体 ${kind} ${id} 被拒绝（HTTP ${res.status}）：${await res.text()}`,
      );
    await res.body?.cancel();
    registered++;
    if (registered % 30 === 0 || registered === data.subjects.length)
      progress(`登记主体 ${registered}/${data.subjects.length}`);
  });

  const batches = Array.from({ length: Math.ceil(data.records.length / BATCH) }, (_, i) =>
    data.records.slice(i * BATCH, (i + 1) * BATCH),
  );
  let sent = 0;
  await inParallel(batches, BATCHES_AT_ONCE, async (records, i) => {
    const res = await postSigned(
      rt.url,
      source,
      secret,
      { type: 'records.batch', records },
      Math.floor(rt.clock.now().getTime() / 1000),
      `demo_${i}`,
    );
    if (res.status !== 202)
      throw new DemoLoadError(`演示数据加载失败：报送第 ${i + 1} 批信用记录被拒绝（HTTP ${res.status}）：${res.text}`);
    sent += records.length;
    progress(`报送信用记录 ${sent}/${data.records.length}`);
  });

  // The workers evaluate in the background: wait until every queue is empty, saying how much is left.
  let said = 0;
  for (let quiet = 0; quiet < 2; ) {
    const depth = (await Promise.all(rt.queues.map((q) => queueDepth(rt.sqs, q.url)))).reduce((a, b) => a + b, 0);
    quiet = depth === 0 ? quiet + 1 : 0;
    if (depth > 0 && Date.now() - said >= 3000) {
      progress(`评价中：待处理消息 ${depth} 条`);
      said = Date.now();
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  progress('发布上一年度评价结果');
  const lastYear = Number(today.slice(0, 4)) - 1;
  await listDemoParticipants(rt, lastYear, data.subjects);
  const published = await publishDemoYear(rt, lastYear, `${Number(today.slice(0, 4))}-06-26`);
  return {
    subjects: data.subjects.length,
    records: data.records.length,
    published: { year: lastYear, subjects: published },
    samples: await samplesOf(rt, token, data.subjects, data.records, today),
  };
};

/**
 * The previous year's lists of participants (Art 16(1), 17(1)): every demo enterprise and agency on
 * its league's list, as the bureaus' imports would have put them.
 */
const listDemoParticipants = async (rt: LocalRuntime, year: number, subjects: readonly Subject[]): Promise<void> => {
  const lists = new DynamoParticipants(documentClient(rt.dynamo), rt.tableName);
  for (const kind of ['enterprise', 'agency'] as const)
    for (const league of LEAGUE_CODES) {
      const entries: ParticipantEntry[] = subjects.flatMap((s) =>
        s.kind === kind && s.league === league
          ? [
              {
                kind,
                code: s.id,
                name: s.name,
                league,
                basis: kind === 'enterprise' ? '6.1' : '6.5',
                sites: [],
                categories: s.kind === 'agency' ? [...s.categories] : [],
              },
            ]
          : [],
      );
      if (entries.length === 0) continue;
      await lists.putParticipants({ year, kind, league }, entries, {
        at: new Date().toISOString(),
        actor: 'system:demo',
        action: 'participants.imported',
        what: { rows: entries.length },
        why: null,
        afterConfirmation: false,
      });
    }
};

/**
 * The previous year's results of the enterprises and agencies on its lists, published as the region
 * publishes them at the end of a cycle (Art 16(5), 17(7); practitioners never: Art 18(6)), so the
 * public site has a year of results to show. How many subjects were published.
 */
export const publishDemoYear = async (rt: LocalRuntime, year: number, publishedOn: string): Promise<number> => {
  const lists = new DynamoParticipants(documentClient(rt.dynamo), rt.tableName);
  const registered = await listAllSubjects(rt.store);
  const publish = new PublishResults(rt.store);
  let count = 0;
  for (const kind of ['enterprise', 'agency'] as const)
    for (const batch of chunks(await listedOf(registered, lists, kind, year), PUBLICATION_BATCH))
      count += await publish.execute({ type: 'publish', kind, year, publishedOn, subjects: batch });
  return count;
};

/** The registered subjects of a kind on the year's lists. */
const listedOf = async (
  registered: readonly SubjectRef[],
  lists: DynamoParticipants,
  kind: 'enterprise' | 'agency',
  year: number,
): Promise<SubjectRef[]> => {
  const listed = await listedParticipants(lists, kind, year);
  return registered.filter((s) => s.kind === kind && listed.has(s.id));
};

/** Runs `task` over `items`, `atOnce` at a time. */
const inParallel = async <T>(
  items: readonly T[],
  atOnce: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(atOnce, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await task(items[i]!, i);
      }
    }),
  );
};

/**
 * One enterprise of each grade, an agency and a practitioner: chosen by evaluating the same data
 * here, then shown with what the service itself says (its lookup is what the user will run).
 */
const samplesOf = async (
  rt: LocalRuntime,
  token: string,
  subjects: Subject[],
  records: readonly unknown[],
  today: string,
): Promise<DemoSample[]> => {
  const parsed = parseEvaluationInput({ year: Number(today.slice(0, 4)), asOf: today, subjects, records }, today);
  const chosen: Subject[] = [];
  const gradeOf = new Map<string, string>();
  if (parsed.ok) {
    const seen = new Set<string>();
    for (const r of evaluateEach(parsed.value)) {
      const grade = 'grade' in r ? String(r.grade) : 'none';
      // Every grade of enterprises; one agency; a practitioner with records (Art 13).
      const key = `${r.subject.kind}:${r.subject.kind === 'enterprise' ? grade : ''}`;
      if (r.subject.kind === 'practitioner' && !('dishonest' in r && r.dishonest)) continue;
      if (seen.has(key)) continue;
      seen.add(key);
      gradeOf.set(r.subject.id, grade);
      const s = subjects.find((x) => x.kind === r.subject.kind && x.id === r.subject.id);
      if (s) chosen.push(s);
    }
  }
  const order = (s: Subject) =>
    ['enterprise', 'agency', 'practitioner'].indexOf(s.kind) * 10 + 'ABCD'.indexOf(gradeOf.get(s.id) ?? 'A');
  return Promise.all(
    chosen
      .sort((a, b) => order(a) - order(b))
      .map(async (s) => {
        const res = await fetch(`${rt.url}/v1/subjects/${s.kind}/${s.id}/score`, {
          headers: { authorization: `Bearer ${token}` },
        });
        let body: { grade?: Grade; score?: number; dishonest?: boolean } = {};
        if (res.ok) body = (await res.json()) as typeof body;
        else await res.body?.cancel();
        return {
          kind: s.kind,
          id: s.id,
          name: s.name ?? '',
          grade: body.grade ?? null,
          score: body.score ?? null,
          dishonest: body.dishonest === true,
        };
      }),
  );
};

/** The samples as lines for a person: kind, name, grade and code. */
export const describeSamples = (samples: readonly DemoSample[]): string[] =>
  samples.map((s) => {
    const grade = s.grade
      ? `${s.grade} 级（${GRADE_NAMES[s.grade]}，${s.score} 分）`
      : s.dishonest
        ? '有失信记录'
        : '尚无评价结果';
    return `${SUBJECT_KIND_NAMES[s.kind]}  ${s.name.padEnd(16, '　')}  ${grade}  ${s.kind} ${s.id}`;
  });
