/**
 * Legal dates: `YYYY-MM-DD` in Asia/Shanghai (I13). Pure arithmetic on calendar dates, no clock.
 * A LegalDate string compares correctly with < and > because the format is fixed-width.
 */
export type LegalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLegalDate = (s: unknown): s is LegalDate => {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1900 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
};

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const daysInMonth = (y: number, month1: number): number =>
  [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month1 - 1] ?? 0;

export const parts = (d: LegalDate): { y: number; m: number; d: number } => ({
  y: Number(d.slice(0, 4)),
  m: Number(d.slice(5, 7)),
  d: Number(d.slice(8, 10)),
});

export const yearOf = (d: LegalDate): number => Number(d.slice(0, 4));

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export const formatDate = (y: number, m: number, d: number): LegalDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Days since 1970-01-01 of a legal date (UTC arithmetic on the calendar date itself). */
export const toDayNumber = (d: LegalDate): number => {
  const p = parts(d);
  return Math.round(Date.UTC(p.y, p.m - 1, p.d) / 86_400_000);
};

export const fromDayNumber = (n: number): LegalDate => {
  const dt = new Date(n * 86_400_000);
  return formatDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
};

export const addDays = (d: LegalDate, n: number): LegalDate => fromDayNumber(toDayNumber(d) + n);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (d: LegalDate): number => (((toDayNumber(d) + 4) % 7) + 7) % 7;

/**
 * Calendar months: the same day-of-month N months later, clamped to the month's last day
 * (docs/timeline.md "Counting rules"; used by the Art 27 repair waits).
 */
export const addCalendarMonths = (d: LegalDate, months: number): LegalDate => {
  const p = parts(d);
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDate(y, m, Math.min(p.d, daysInMonth(y, m)));
};

export const minDate = (a: LegalDate, b: LegalDate): LegalDate => (a < b ? a : b);
export const endOfYear = (y: number): LegalDate => formatDate(y, 12, 31);

/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so the offset is constant (I13). */
const SHANGHAI_OFFSET_HOURS = 8;

/** 23:59:59 Asia/Shanghai of a legal date, as an ISO-8601 UTC instant (I12, I13). */
export const endOfLegalDayInstant = (d: LegalDate): string => {
  const p = parts(d);
  return new Date(Date.UTC(p.y, p.m - 1, p.d, 23 - SHANGHAI_OFFSET_HOURS, 59, 59, 0)).toISOString();
};

/** The legal date (Asia/Shanghai) of a UTC instant. */
export const legalDateOfInstant = (iso: string | Date): LegalDate => {
  const t = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  const dt = new Date(t + SHANGHAI_OFFSET_HOURS * 3_600_000);
  return formatDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
};

/** The same date N years later, 29 February clamped to 28 February (calendar months × 12). */
export const addYears = (d: LegalDate, years: number): LegalDate => addCalendarMonths(d, years * 12);

/** 00:00:00 Asia/Shanghai of a legal date, as an ISO-8601 UTC instant (the first moment of the day). */
export const startOfLegalDayInstant = (d: LegalDate): string => {
  const p = parts(d);
  return new Date(Date.UTC(p.y, p.m - 1, p.d, -SHANGHAI_OFFSET_HOURS, 0, 0, 0)).toISOString();
};
