import { INITIAL_SCORE, tenths, toPoints } from '../points.ts';
import type { CreditRecord } from '../records/creditRecord.ts';
import type { Enterprise } from '../subjects/subject.ts';
import { GRADE_NAMES, gradeOf } from './grade.ts';
import { isMergeable, mergeLosers, mergeMeasuresOfOneCase } from './mergeMeasures.ts';
import { type Note, note } from './notes.ts';
import { classifyAll, type ScoredResult, type SiteResult, type SubjectContext } from './result.ts';
import { hasCountedDirectD, scoredResult, sumCounted } from './scoredResult.ts';
import { weightSites } from './siteWeighting.ts';

/**
 * An enterprise: each site (one per discharge permit) is scored from 100 (Art 11, 16(1)); the legal
 * entity's score is the output-share-weighted score of its sites (Art 16(2), I9).
 * Records without a siteId concern the legal entity as a whole and count at every site, which adds
 * their points once to the weighted score. A site that appears only in records has no share (I9);
 * only records that count in the year make such a site known (I20): a revoked, cancelled, pending,
 * merged or other-year record at an unregistered permit adds no site.
 */
export const evaluateEnterprise = (
  subject: Enterprise,
  records: readonly CreditRecord[],
  ctx: SubjectContext,
): ScoredResult => {
  const registered = subject.sites ?? [];
  const mergeOption = ctx.period.options.mergeMeasuresOfOneCase;
  // Classified without I16 first: merging depends on the sites, and the sites on what counts (I20).
  const unmerged = classifyAll(records, ctx, undefined, false);
  const known = new Set(registered.map((s) => s.siteId));
  const implicitSet = new Set<string>();
  for (const c of unmerged) {
    const siteId = c.record.subject.siteId;
    if (siteId !== null && c.state === 'counted' && !known.has(siteId)) implicitSet.add(siteId);
  }
  let sites = [
    ...registered.map((s) => ({ siteId: s.siteId, outputShare: s.outputShare ?? null })),
    ...[...implicitSet].sort().map((siteId) => ({ siteId, outputShare: null })),
  ];
  const directD = hasCountedDirectD(unmerged);
  // Without sites the entity is one scope and I16 merges there.
  const entityScope = () => {
    const classified = mergeOption ? mergeMeasuresOfOneCase(unmerged) : unmerged;
    return scoredResult(subject, classified, sumCounted(classified), directD, ctx, []);
  };
  if (sites.length === 0) return entityScope();

  // I16 per site: each site's own measures plus the entity-level ones form one scope.
  const merging = mergeOption && unmerged.some(isMergeable);
  const losersAt = (siteId: string) =>
    merging
      ? mergeLosers(unmerged.filter((c) => c.record.subject.siteId === siteId || c.record.subject.siteId === null))
      : new Map<string, string>();
  let losers = sites.map((site) => losersAt(site.siteId));
  /** Sites dropped by I20, with the measures merged away there. */
  const dropped = new Map<string, Map<string, string>>();
  if (merging && implicitSet.size > 0) {
    // I20: a site known only from measures merged away at that site is not known after all.
    const keep = sites.map(
      (site, i) =>
        known.has(site.siteId) ||
        unmerged.some(
          (c) => c.state === 'counted' && c.record.subject.siteId === site.siteId && !losers[i]!.has(c.record.eventId),
        ),
    );
    if (keep.includes(false)) {
      sites.forEach((site, i) => {
        if (!keep[i]) dropped.set(site.siteId, losers[i]!);
      });
      sites = sites.filter((_, i) => keep[i]);
      losers = losers.filter((_, i) => keep[i]);
      if (sites.length === 0) return entityScope();
    }
  }

  const extraNotes: Note[] = [];
  if (sites.length > 1)
    for (const c of unmerged)
      if (c.state === 'counted' && c.record.subject.siteId === null)
        extraNotes.push(
          note(
            'Art 16(2)',
            `Art 16(2): ${c.record.eventId} has no siteId; it counts at every site`,
            `${c.record.eventId}未填写厂址编号，视为针对整个法人主体，计入每个厂址`,
          ),
        );

  const index = new Map(sites.map((s, i) => [s.siteId, i]));
  const everySite = sites.map((_, i) => i);
  const sums = sites.map(() => INITIAL_SCORE as number);
  const siteDirectD = sites.map(() => false);
  for (const c of unmerged) {
    if (c.state !== 'counted') continue;
    const siteId = c.record.subject.siteId;
    if (siteId !== null && dropped.has(siteId)) continue; // merged away at a site that is not known (I20)
    const at = siteId === null ? everySite : [index.get(siteId)!];
    for (const i of at) {
      if (losers[i]!.has(c.record.eventId)) continue;
      sums[i]! += c.points as number;
      siteDirectD[i] ||= c.rule.directD;
    }
  }
  let classified = unmerged;
  if (merging) {
    classified = unmerged.map((c) => {
      const siteId = c.record.subject.siteId;
      const lostAtDropped = siteId === null ? undefined : dropped.get(siteId)?.get(c.record.eventId);
      if (lostAtDropped !== undefined) return { ...c, state: 'merged' as const, mergedInto: lostAtDropped };
      const at = siteId === null ? everySite : index.has(siteId) ? [index.get(siteId)!] : [];
      const lostAt = at.filter((i) => losers[i]!.has(c.record.eventId));
      if (lostAt.length === 0) return c;
      const winner = losers[lostAt[0]!]!.get(c.record.eventId)!;
      if (lostAt.length === at.length) return { ...c, state: 'merged' as const, mergedInto: winner };
      for (const i of lostAt) {
        const w = losers[i]!.get(c.record.eventId);
        extraNotes.push(
          note(
            'I16',
            `I16: ${c.record.eventId} merged into ${w} at site ${sites[i]!.siteId} (case ${c.record.caseNo})`,
            `在厂址${sites[i]!.siteId}，${c.record.eventId}与${w}属同一处罚决定（案件编号${c.record.caseNo}），按其中扣分最多的一项计分`,
          ),
        );
      }
      return c;
    });
  }

  const perSite = sites.map((site, i) => ({ ...site, score: tenths(sums[i]!), directD: siteDirectD[i]! }));
  const weighting = weightSites(perSite);
  for (const [i, line] of weighting.notes.entries()) extraNotes.push({ line, detail: weighting.noteDetails[i]! });
  if (directD && perSite.length > 1 && perSite.some((s) => !s.directD))
    extraNotes.push(
      note(
        'I9',
        'I9: a direct-D record at one site makes the legal entity direct D',
        '一个厂址有直接评定为环保不良的记录，整个法人主体直接评定为D级',
      ),
    );
  const siteResults: SiteResult[] = perSite.map((s, i) => {
    const grade = gradeOf(s.score, s.directD);
    return {
      siteId: s.siteId,
      outputShare: s.outputShare,
      weight: weighting.weights[i]!,
      score: toPoints(s.score),
      grade,
      gradeName: GRADE_NAMES[grade],
      directD: s.directD,
    };
  });
  return scoredResult(subject, classified, weighting.score, directD, ctx, extraNotes, siteResults);
};
