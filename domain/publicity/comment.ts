import type { LegalDate } from '../dates.ts';
import { noticeDate } from '../notices/format.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import type { InputIssue } from '../validation.ts';

/**
 * Comments of the public on the proposed results during publicity (Art 16(3), 17(4): 公示; Art 7:
 * 舆论监督). Anyone may comment without signing in; a contact is optional and never shown.
 */

/** Longest comment (意见内容) taken, in characters: enough for a reasoned report, bounded for storage. */
export const COMMENT_TEXT_MAX = 500;
/** Longest contact (联系方式): a telephone number or an e-mail address with a name. */
export const CONTACT_MAX = 100;

export interface CommentInput {
  readonly text: string;
  readonly contact: string | null;
}

/** Characters counted as a person sees them (a Chinese character or an emoji is one). */
const length = (s: string): number => [...s].length;

/** Control characters other than line breaks and tabs are never part of a person's comment. */
export const hasControlCharacter = (s: string): boolean =>
  [...s].some((ch) => {
    const c = ch.codePointAt(0)!;
    return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127;
  });

/**
 * A comment as the form gave it, checked: the text is required (non-blank) and bounded; the contact
 * optional and bounded. Both are trimmed; a blank contact is none. Each issue names its field.
 */
export const checkComment = (raw: {
  readonly text?: string | undefined;
  readonly contact?: string | undefined;
}): { readonly ok: true; readonly value: CommentInput } | { readonly ok: false; readonly issues: InputIssue[] } => {
  const text = (raw.text ?? '').replace(/\r\n/g, '\n').trim();
  const contact = (raw.contact ?? '').trim();
  const issues: InputIssue[] = [];
  if (text === '') issues.push({ path: 'text', message: '请填写意见内容' });
  else if (length(text) > COMMENT_TEXT_MAX)
    issues.push({ path: 'text', message: `意见内容不能超过${COMMENT_TEXT_MAX}个字` });
  else if (hasControlCharacter(text)) issues.push({ path: 'text', message: '意见内容含有无法识别的字符' });
  if (length(contact) > CONTACT_MAX) issues.push({ path: 'contact', message: `联系方式不能超过${CONTACT_MAX}个字` });
  else if (hasControlCharacter(contact)) issues.push({ path: 'contact', message: '联系方式含有无法识别的字符' });
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, value: { text, contact: contact === '' ? null : contact } };
};

/** The commented entry of a publicity list: the year's cycle, the league that reported it, its code. */
export interface CommentedEntry {
  readonly year: number;
  readonly kind: 'enterprise' | 'agency';
  readonly league: string;
  readonly code: string;
}

/**
 * What a comment's identity is made of: the entry, the text, the contact and the minute it was sent.
 * The same comment sent twice within a minute (a double click, a resent form) is one comment; the
 * caller hashes this text into the comment's id.
 */
export const commentIdentity = (entry: CommentedEntry, c: CommentInput, at: string): string =>
  [entry.year, entry.kind, entry.league, entry.code, c.text, c.contact ?? '', at.slice(0, 16)].join('\n');

/**
 * Who is on the public list (Art 16(3), 17(4)): every entry of the leagues' reports, except
 * practitioners (Art 18(6): never public) and subjects under criminal investigation (I15: no grade
 * for the year, nothing to publish).
 */
export const isPubliclyListed = (e: Pick<ReportEntry, 'kind' | 'suspended'>): boolean =>
  e.kind !== 'practitioner' && !e.suspended;

/** Why a comment after the window is refused (I12: the window ended at 23:59:59 of its last day). */
export const closedReason = (closesOn: LegalDate): string => `公示期已于${noticeDate(closesOn)}结束，不再受理意见`;

// ---------------------------------------------------------------------------------------------
// The league's investigation of a comment (Art 16(4): “对公示期间收到的意见……调查核实”).

export const FINDINGS = ['confirmed', 'partlyConfirmed', 'notConfirmed'] as const;
export type Finding = (typeof FINDINGS)[number];

export const FINDING_NAMES: Readonly<Record<Finding, string>> = {
  confirmed: '情况属实',
  partlyConfirmed: '部分属实',
  notConfirmed: '情况不属实',
};

export const isFinding = (s: unknown): s is Finding =>
  typeof s === 'string' && (FINDINGS as readonly string[]).includes(s);

/** Longest reasons of a finding, in characters. */
export const REASONS_MAX = 1000;

/**
 * Art 8, 16(4): a comment found true, wholly or in part, may change the proposed result, so the
 * review group (信用评价复核小组) must look at the entry before the results are confirmed.
 */
export const findingNeedsReview = (f: Finding): boolean => f !== 'notConfirmed';

/** A finding as the console's form gave it: one of the three, with reasons (required, bounded). */
export const checkFinding = (raw: {
  readonly finding?: string | undefined;
  readonly reasons?: string | undefined;
}):
  | { readonly ok: true; readonly value: { finding: Finding; reasons: string } }
  | { readonly ok: false; readonly issues: InputIssue[] } => {
  const reasons = (raw.reasons ?? '').trim();
  const issues: InputIssue[] = [];
  if (!isFinding(raw.finding)) issues.push({ path: 'finding', message: '请选择调查核实结果' });
  if (reasons === '') issues.push({ path: 'reasons', message: '请填写调查核实情况及理由' });
  else if (length(reasons) > REASONS_MAX) issues.push({ path: 'reasons', message: `理由不能超过${REASONS_MAX}个字` });
  return issues.length > 0 || !isFinding(raw.finding)
    ? { ok: false, issues }
    : { ok: true, value: { finding: raw.finding, reasons } };
};
