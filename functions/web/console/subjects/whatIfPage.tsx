import { CATALOGUE, type CatalogueRule } from '../../../../domain/catalogue/catalogue.ts';
import { SUBJECT_KINDS } from '../../../../domain/catalogue/kinds.ts';
import type { SubjectResult } from '../../../../domain/evaluation/evaluateSubject.ts';
import type { Refusal } from '../../../shared/errors.ts';
import type { WebDeps } from '../../deps.ts';
import type { PageContext } from '../../router.ts';
import { chineseDate, kindName, pointsText, scoreText } from '../../ui/format.ts';
import { Plate } from '../../ui/plate.tsx';
import { RefusalMessage } from '../../ui/refusal.tsx';
import { NotesList, stateText } from '../../ui/result.tsx';
import { named } from './labels.ts';
import { subjectPath } from './listPage.tsx';
import { practitionerOf, scoredOf } from './resultParts.tsx';
import type { WhatIfAnswer, WhatIfQuestion } from './whatIf.ts';

/**
 * `/console/what-if`: before a penalty is decided, the score, grade, measures and repair wait a
 * catalogue row would bring to a subject — computed, never stored (a GET form: nothing to post).
 */

/** A rule's points as the catalogue states them. */
export const rulePointsText = (r: CatalogueRule): string => {
  if (r.directD) return '直接评定为环保不良';
  switch (r.points.type) {
    case 'fixed':
      return `${pointsText((r.points.tenths as number) / 10)}分`;
    case 'fineTiered':
      return '按罚款金额扣0.5至1.5分';
    case 'sameAsClient':
      return '同委托单位';
    case 'none':
      return '计入失信信息';
  }
};

const RULES = CATALOGUE.filter((r) => !r.derivedOnly);

const Form = ({ q }: { q: Partial<WhatIfQuestion> }) => (
  <form method="get" action="/console/what-if">
    <div class="filters">
      <div>
        <label for="kind">主体类型</label>
        <select id="kind" name="kind">
          {SUBJECT_KINDS.map((k) => (
            <option value={k} selected={(q.kind ?? 'enterprise') === k}>
              {kindName(k)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="id">统一社会信用代码/公民身份号码</label>
        <input id="id" name="id" value={q.id ?? ''} maxLength={18} size={24} required />
      </div>
    </div>
    <label for="rule">拟作出的处理（评价指标）</label>
    <select id="rule" name="rule" required>
      {SUBJECT_KINDS.map((k) => (
        <optgroup label={kindName(k)}>
          {RULES.filter((r) => r.kinds.includes(k)).map((r) => (
            <option value={r.code} selected={q.rule === r.code}>
              {`${r.category} · ${r.wording}（${rulePointsText(r)}，${r.articleName}）`}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
    <label for="fineYuan">罚款金额（元，仅“罚款”须填写）</label>
    <input id="fineYuan" name="fineYuan" value={q.fineYuan ?? ''} inputMode="decimal" size={16} />
    <label for="siteId">厂址编号（多厂址企业，可不填）</label>
    <input id="siteId" name="siteId" value={q.siteId ?? ''} maxLength={64} size={30} />
    <label for="legalBasis">法律依据（仅第十四条第三项须填写）</label>
    <input id="legalBasis" name="legalBasis" value={q.legalBasis ?? ''} maxLength={1000} size={50} />
    <label for="clientEventId">委托单位记录编号（仅“同委托单位”须填写）</label>
    <input id="clientEventId" name="clientEventId" value={q.clientEventId ?? ''} maxLength={128} size={30} />
    <p>
      <button type="submit">模拟评分</button>
    </p>
  </form>
);

const Outcome = ({ r }: { r: SubjectResult }) => {
  const s = scoredOf(r);
  const p = practitionerOf(r);
  return s ? (
    <>
      <Plate grade={s.grade} /> {scoreText(s.score)} 分{s.blacklisted ? '，列入环保不良名单' : ''}
    </>
  ) : (
    <>
      {p?.dishonest ? '环保失信个人' : '未评定为环保失信个人'}（计入 {p?.records ?? 0} 条）
    </>
  );
};

const Answer = ({ a }: { a: WhatIfAnswer }) => {
  const newMeasures = a.after.measures.filter((m) => !a.before.measures.some((b) => b.article === m.article));
  return (
    <section aria-labelledby="answer">
      <h2 id="answer">模拟结果</h2>
      <p class="notice" role="status">
        以下为模拟计算结果，仅供决定前参考，未保存任何数据。
      </p>
      <p>
        评价对象：<a href={subjectPath(a.subject)}>{a.subject.name ?? a.subject.id}</a>（{kindName(a.subject.kind)}
        ）；拟作出的处理：
        {a.rule.wording}（{a.rule.articleName}）；按{chineseDate(a.asOf)}发生计算{a.year}年度结果。
      </p>
      <div class="table-wrap">
        <table>
          <caption>处理前后对比</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">目前</th>
              <th scope="col">处理后</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">评价结果</th>
              <td>
                <Outcome r={a.before} />
              </td>
              <td>
                <Outcome r={a.after} />
              </td>
            </tr>
            <tr>
              <th scope="row">该条信息</th>
              <td>—</td>
              <td>
                {a.item
                  ? `${pointsText(a.item.points)} 分，${stateText(a.item)}（${a.item.articleName}）`
                  : '不计入评价'}
              </td>
            </tr>
            <tr>
              <th scope="row">信用修复等待期</th>
              <td>—</td>
              <td>
                {a.repairWaitMonths === null
                  ? a.subject.kind === 'practitioner'
                    ? '评定为环保失信个人后满一年，可按第二十五条申请修复'
                    : '不涉及'
                  : a.repairWaitMonths === 0
                    ? '整改完成后即可申请修复（第二十七条）'
                    : `整改完成后 ${a.repairWaitMonths} 个月可申请修复（第二十七条${a.impactEliminationRequired ? '，且须不良影响基本消除' : ''}）`}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <h3>处理后适用的措施</h3>
      {a.after.measures.length === 0 ? (
        <p class="muted">无。</p>
      ) : (
        <ul>
          {a.after.measures.map((m) => (
            <li>
              {m.text}（{m.articleName}，{m.duration}）{newMeasures.includes(m) ? <span class="tag">新增</span> : null}
            </li>
          ))}
        </ul>
      )}
      <NotesList notes={a.after.noteDetails} level="h3" ids />
    </section>
  );
};

const page = (ctx: PageContext<WebDeps>, q: Partial<WhatIfQuestion>, body: unknown, status = 200) =>
  ctx.render(
    '评分模拟',
    <>
      <p>
        在作出处罚等决定前，选择评价对象和评价指标，查看该决定将带来的得分、等级、措施和信用修复等待期。模拟不保存任何数据。
      </p>
      <Form q={q} />
      {body}
    </>,
    status,
  );

export const whatIfPage = async (ctx: PageContext<WebDeps>) => {
  const query = ctx.req.query;
  const q: Partial<WhatIfQuestion> = {
    kind: query.kind,
    id: query.id?.trim(),
    rule: query.rule,
    fineYuan: query.fineYuan,
    siteId: query.siteId,
    legalBasis: query.legalBasis,
    clientEventId: query.clientEventId,
  };
  if (!q.id || !q.rule) return page(ctx, q, null);
  const out = await ctx.deps.console.subjects.whatIf.execute(ctx.caller, q as WhatIfQuestion);
  if (out.status === 'ok') return page(ctx, q, <Answer a={out.value} />);
  if (out.status === 'invalid') {
    const refusal: Refusal = named(out);
    return page(ctx, q, <RefusalMessage refusal={refusal} />, 400);
  }
  return ctx.refuse(out);
};
