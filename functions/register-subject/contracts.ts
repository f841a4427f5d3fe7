import * as z from 'zod/mini';
import { described } from '../shared/http.ts';

/**
 * `PUT /v1/subjects/{kind}/{id}` (docs/api.md §7): the subject as the bureau registers it — the
 * fields of its kind, without `kind` and `id` (they are the path's). The fields themselves are the
 * domain's subject schema (`domain/subjects/subject.ts`), checked by the use case with the path.
 */
export const registerSubjectRequest = described(z.record(z.string(), z.unknown(), { error: '请求体须为 JSON 对象' }), {
  id: 'RegisterSubjectRequest',
  description:
    '登记或更新主体：企业 name、league、sites（厂址及产量占比）；机构 name、league、categories；从业人员 employer',
  example: {
    name: '呼和浩特市示例有限公司',
    league: '150100',
    sites: [{ siteId: '91150100MA0000001A001P', outputShare: 1 }],
  },
});
export type RegisterSubjectRequest = z.infer<typeof registerSubjectRequest>;
