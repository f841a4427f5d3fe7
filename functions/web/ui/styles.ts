import { createHash } from 'node:crypto';

/**
 * The one style sheet: a system CJK font stack, readable on a phone (one column under 720 px),
 * printable (no navigation or forms on paper, lists in full). Grade colours follow the plates of
 * the provinces' credit systems (green A, blue B, yellow C, red D) with text contrast ≥ 4.5:1.
 */
export const STYLE_SHEET = `
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;--brand:#0b5d3b;--link:#0a58ca;
--a:#1a7f37;--b:#0969da;--c:#9a6700;--d:#cf222e}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;line-height:1.6;
font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
a{color:var(--link)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}
header.site{background:var(--brand);color:#fff;padding:10px 16px;display:flex;flex-wrap:wrap;gap:12px;align-items:center}
header.site a{color:#fff;text-decoration:none}
header.site .name{font-size:1.15rem;font-weight:700;margin-right:auto}
header.site nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:14px}
header.site form{display:inline;margin:0}
header.site button{background:transparent;border:1px solid #fff;color:#fff;padding:2px 10px;border-radius:4px;cursor:pointer}
main{max-width:1100px;margin:0 auto;padding:16px}
footer.site{max-width:1100px;margin:24px auto;padding:12px 16px;color:var(--muted);border-top:1px solid var(--line);font-size:.9rem}
h1{font-size:1.5rem;margin:.4em 0}h2{font-size:1.2rem;margin:1.2em 0 .5em}
.muted{color:var(--muted)}
.plate{display:inline-block;border-radius:4px;padding:1px 8px;color:#fff;font-weight:600;white-space:nowrap}
.plate-letter{font-weight:800}
.plate-large{font-size:1.4rem;padding:6px 16px}
.plate-A{background:var(--a)}.plate-B{background:var(--b)}.plate-C{background:var(--c)}.plate-D{background:var(--d)}
.plate-none{background:#6e7781}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--bg)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.table-wrap{overflow-x:auto}
form.inline{display:inline}
label{display:block;margin:8px 0 2px;font-weight:600}
input,select,textarea{font:inherit;padding:6px 8px;border:1px solid #8c959f;border-radius:4px;max-width:100%}
textarea{width:100%;min-height:5em}
button,.button{font:inherit;background:var(--brand);color:#fff;border:0;border-radius:4px;padding:6px 14px;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:var(--brand);border:1px solid var(--brand)}
button:disabled{background:#8c959f;cursor:not-allowed}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;background:var(--bg);padding:10px;border-radius:6px}
.filters label{margin:0 0 2px}
.notice{border-left:4px solid var(--b);background:#ddf4ff;padding:8px 12px;margin:12px 0}
.notice.error{border-color:var(--d);background:#ffebe9}
.notice.ok{border-color:var(--a);background:#dafbe1}
.card{border:1px solid var(--line);border-radius:6px;padding:12px 16px;margin:12px 0}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.summary{display:flex;flex-wrap:wrap;gap:24px;align-items:center}
.summary .score{font-size:2rem;font-weight:700}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.pager{display:flex;gap:12px;align-items:center;margin:12px 0}
.chart{margin:8px 0}.chart svg{max-width:760px;height:auto}
.chart-label{font-size:12px;fill:var(--ink)}.chart-legend{font-size:11px;fill:var(--muted)}.bar-text{font-size:11px;fill:#fff;font-weight:700}
.bar-A,.dot-A{fill:var(--a)}.bar-B,.dot-B{fill:var(--b)}.bar-C,.dot-C{fill:var(--c)}.bar-D,.dot-D{fill:var(--d)}.dot-none{fill:#6e7781}
.grid{stroke:var(--line)}.history-line{stroke:var(--ink);stroke-width:2}.track{fill:var(--bg);stroke:var(--line)}
.progress{fill:var(--a)}.progress-overdue{fill:var(--d)}
.overdue{color:var(--d);font-weight:700}
.tag{display:inline-block;border:1px solid var(--line);border-radius:10px;padding:0 8px;font-size:.85rem;background:var(--bg)}
@media (max-width:720px){.grid2{grid-template-columns:1fr}header.site{flex-direction:column;align-items:flex-start}th,td{padding:4px}}
@media print{header.site nav,header.site form,.filters,.pager,form,button,.no-print{display:none!important}
body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}.plate{border:1px solid #000}}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
label.inline-label{display:inline;font-weight:400;margin:0}fieldset{border:1px solid var(--line);border-radius:6px;margin:12px 0}
form.act{margin:8px 0;padding:8px 0;border-top:1px dashed var(--line)}form.act label{display:inline;margin-right:4px}.act-note{color:var(--muted)}
.nowrap{white-space:nowrap}
.pre{white-space:pre-wrap}
@media print{body:has(.letter) header.site,body:has(.letter) footer.site,body:has(.letter) .skip{display:none!important}.letter{font-size:12pt;line-height:1.8}}
`;

/** The sheet's URL carries its hash, so browsers cache it for good and a change is fetched at once. */
export const STYLE_SHEET_PATH = `/assets/site-${createHash('sha256').update(STYLE_SHEET).digest('hex').slice(0, 10)}.css`;

/**
 * The little script (progressive enhancement): a form with `data-confirm` asks before it posts
 * (the page without script shows the same sentence beside the button and posts at once); a button
 * with `data-print` prints the page (a letter's print-friendly page).
 */
export const SCRIPT = `document.addEventListener('submit',function(e){var f=e.target;var m=f&&f.getAttribute&&f.getAttribute('data-confirm');if(m&&!window.confirm(m)){e.preventDefault();}});document.addEventListener('click',function(e){var b=e.target&&e.target.closest&&e.target.closest('[data-print]');if(b){window.print();}});`;
export const SCRIPT_PATH = `/assets/site-${createHash('sha256').update(SCRIPT).digest('hex').slice(0, 10)}.js`;
