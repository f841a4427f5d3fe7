/**
 * Article references in the regulation's own Chinese: "Art 14(2)" → "第十四条第二项",
 * "Art 23 ¶2" → "第二十三条第二款", "Annex 1" → "附件1". Codes stay English in data (docs/api.md);
 * readers get these words beside them.
 */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1-99 in Chinese numerals as the regulation writes article numbers (第二十四条). */
export const chineseNumeral = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
};

const ARTICLE_RE = /^Art (\d+)(?: ¶(\d+))?(?:\((\d+)\))?$/;
const ANNEX_RE = /^Annex (\d+)$/;

const cache = new Map<string, string>();

/** The Chinese name of an article reference; unknown shapes are returned as given. */
export const articleName = (article: string): string => {
  const hit = cache.get(article);
  if (hit !== undefined) return hit;
  let out = article;
  const annex = ANNEX_RE.exec(article);
  const art = ARTICLE_RE.exec(article);
  if (annex) out = `附件${annex[1]}`;
  else if (art) {
    out = `第${chineseNumeral(Number(art[1]))}条`;
    if (art[2]) out += `第${chineseNumeral(Number(art[2]))}款`;
    if (art[3]) out += `第${chineseNumeral(Number(art[3]))}项`;
  }
  cache.set(article, out);
  return out;
};
