/**
 * Bounds on every field (the text lengths are those the record contract has always accepted: a
 * bound may widen, never narrow, or a delivery accepted once would be refused, and a stored record
 * re-validated would become unprocessable) a caller can send, so that everything accepted can be stored and shown:
 * one credit record's canonical JSON stays under MAX_RECORD_JSON_BYTES, far below DynamoDB's
 * 400 KB item limit even when a record is copied into an audit item or a result, and every number
 * stays an exact double that the DynamoDB document client accepts. `docs/input-bounds.md` gives the
 * reason of each; the ingestion edge cites these names.
 *
 * Lengths are counted in UTF-16 code units (JavaScript's `length`); with control characters and
 * lone surrogates refused (TEXT_PROBLEM), a unit never takes more than 3 bytes of UTF-8 or of JSON.
 */

/** docs/api.md §1: `eventId` is 1-128 characters of [A-Za-z0-9._:-]. */
export const MAX_EVENT_ID_LENGTH = 128;

/** A catalogue code (docs/rules.md §3-5) is at most 25 characters; longer input is refused without echoing it. */
export const MAX_RULE_CODE_LENGTH = 64;

/** USCC and resident ID numbers are 18 characters (GB 32100-2015, GB 11643); longer input is refused early. */
export const MAX_SUBJECT_ID_LENGTH = 18;

/** A discharge permit number (排污许可证编号) is 20-odd characters. */
export const MAX_SITE_ID_LENGTH = 64;

/** The department that produced the record (信息产生部门), e.g. "150100-EEB" or a bureau's name. */
export const MAX_DEPARTMENT_LENGTH = 64;

/** A penalty decision's number (行政处罚决定书文号), e.g. "呼环罚〔2026〕12号". */
export const MAX_CASE_NO_LENGTH = 128;

/** Art 14(3): the law that lists the case as bad, e.g. "《中华人民共和国环境保护法》第六十三条". */
export const MAX_LEGAL_BASIS_LENGTH = 1000;

/** A record's free-text summary (a few paragraphs). */
export const MAX_SUMMARY_LENGTH = 4000;

/** A subject's or a site's name (企业名称、厂址名称). */
export const MAX_NAME_LENGTH = 200;

/**
 * A reason written by a person: a revocation or rectification reason, a suspension reason (I15),
 * a repair decision. The HTTP edge applies it to the `reason` of lifecycle messages.
 */
export const MAX_REASON_LENGTH = 500;

/** Sites (one per discharge permit) of one enterprise (Art 16(1)). */
export const MAX_SITES = 100;

/**
 * I7: a fine in yuan, with at most two decimals (fen). The catalogue's tiers stop mattering above
 * 500,000 yuan (all −1.5); the bound is 10 billion yuan (100亿元), far above any environmental fine
 * imposed so far (the largest are in the hundreds of millions), and 10^12 fen is far below Number.MAX_SAFE_INTEGER
 * (≈ 9.007 × 10^15), so every accepted amount is an exact number in DynamoDB and in fen.
 */
export const MAX_FINE_YUAN = 10_000_000_000;

/** The most a valid record's canonical JSON (UTF-8) can take, with every field at its bound. */
export const MAX_RECORD_JSON_BYTES = 20 * 1024;

// C0 controls but tab, LF and CR; DEL and C1 controls; lone surrogates (not encodable as UTF-8).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_RE = /[\t\n\r]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const SUSPECT_RE = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]/;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a text field is refused, or null: control characters (and, for one-line fields, line breaks)
 * and lone surrogates cannot be shown or stored faithfully.
 */
export const textProblem = (s: string, multiline: boolean): string | null => {
  if (!SUSPECT_RE.test(s)) return null; // one scan for the common, clean case
  if (LONE_SURROGATE_RE.test(s)) return '含有无效的Unicode字符（孤立代理项）';
  if (CONTROL_RE.test(s)) return '含有控制字符';
  if (!multiline && LINE_BREAK_RE.test(s)) return '不能包含换行符或制表符';
  return null;
};
