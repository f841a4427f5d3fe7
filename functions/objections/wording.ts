import type { RefusalWording } from '../shared/http.ts';

/**
 * What the objections' API routes say for 403 and 404, shared by their two functions (the bureau's
 * `objections-api`, the participant's `objection-filing-api`).
 */
export const OBJECTIONS_WORDING: RefusalWording = {
  forbidden: '只能查看和复核本盟市的异议，或只能对本单位的信用信息提出异议',
  notFound: '未找到该异议',
};
