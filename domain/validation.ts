import { zhCN } from 'zod/locales';
import type * as z from 'zod/mini';

/** One problem with an input, naming the field (docs/api.md: "a message naming the field"). */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: InputIssue[] };

/** `records[3].subject.id` from zod's path segments. */
export const formatPath = (segments: readonly PropertyKey[], prefix = ''): string => {
  let out = prefix;
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
};

const zhErrors = zhCN().localeError;

/** Parses with Simplified Chinese messages for zod's own checks; our own checks carry Chinese text. */
export const validate = <S extends z.ZodMiniType>(schema: S, input: unknown, prefix = ''): Validated<z.infer<S>> => {
  const r = schema.safeParse(input, { error: zhErrors });
  if (r.success) return { ok: true, value: r.data as z.infer<S> };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ path: formatPath(i.path, prefix), message: i.message })),
  };
};

export const describeIssues = (issues: readonly InputIssue[]): string =>
  issues.map((i) => (i.path ? `${i.path}：${i.message}` : i.message)).join('；');
