import type { Certification } from '../product/product.entity';
import type { TracePageData } from './trace-data';
import { STEP_NAMES, TEXT, type Lang, type Text } from './trace-page-text';
import type { TraceEvent } from './trace.entity';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fill = (s: string, vars: Record<string, string | number>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => esc(String(vars[k] ?? '')));

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const TZ = 'Asia/Ho_Chi_Minh';

function fmtDate(lang: Lang, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function fmtTime(lang: Lang, d: Date): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: TZ,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

function fmtQty(lang: Lang, q: number | null, unit: string | null): string {
  if (q === null) return '';
  return `${new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 3 }).format(q)} ${UNIT_NAMES[lang][unit ?? ''] ?? unit ?? ''}`;
}

const UNIT_NAMES: Record<Lang, Record<string, string>> = {
  vi: {
    KGM: 'kg',
    TNE: 'tấn',
    GRM: 'g',
    H87: 'cái',
    LTR: 'lít',
    MLT: 'ml',
    BX: 'hộp',
    BG: 'túi',
    DZN: 'tá',
    SET: 'bộ',
    PR: 'đôi',
    MTK: 'm²',
    MTR: 'm',
  },
  en: {
    KGM: 'kg',
    TNE: 't',
    GRM: 'g',
    H87: 'pcs',
    LTR: 'L',
    MLT: 'mL',
    BX: 'boxes',
    BG: 'bags',
    DZN: 'dozen',
    SET: 'sets',
    PR: 'pairs',
    MTK: 'm²',
    MTR: 'm',
  },
};

const SCHEME: Record<string, string> = {
  VIETGAP: 'VietGAP',
  GLOBALGAP: 'GlobalG.A.P.',
  ORGANIC: 'Organic',
  HACCP: 'HACCP',
  ISO22000: 'ISO 22000',
  OCOP: 'OCOP',
  OTHER: '',
};

/** Whether a certificate covered a given Vietnamese calendar day. */
export function certValidOn(c: Pick<Certification, 'issuedOn' | 'expiresOn'>, day: string): boolean {
  return c.issuedOn <= day && (c.expiresOn === null || c.expiresOn >= day);
}
const vnDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

const STYLE = `body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1b2a1f;background:#f6f8f4}main{max-width:42rem;margin:auto;padding:1rem}
h1{font-size:1.5rem;margin:.3rem 0}h2{font-size:1.15rem;margin:1.4rem 0 .5rem;border-bottom:2px solid #2f7d32}
img.p{width:100%;max-height:16rem;object-fit:cover;border-radius:.5rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .8rem;margin:0}
dt{color:#55645a}dd{margin:0;font-weight:600}ol{list-style:none;padding:0;margin:0}li.e{background:#fff;border-left:4px solid #2f7d32;padding:.5rem .7rem;margin:.5rem 0;border-radius:.3rem}
li.x{border-color:#b00020;opacity:.75}li.x .s{text-decoration:line-through}.t{color:#55645a;font-size:.85rem}.ok{color:#1b5e20}.no{color:#b00020}
.b{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:.6rem;background:#e3efe4;margin:.1rem .2rem 0 0}.b.no{background:#fbe3e6}
nav a,footer a{margin-right:1rem}header{display:flex;justify-content:space-between;align-items:center}a{color:#1d5fa8}
.w{padding:.5rem;border-radius:.3rem;background:#e3efe4}.w.no{background:#fbe3e6}`;

function shell(lang: Lang, title: string, body: string, altHref: string): string {
  const t = TEXT[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head><body><main><header><strong>CoopLink · ${esc(t.title)}</strong>
<a href="${esc(altHref)}" hreflang="${lang === 'vi' ? 'en' : 'vi'}">${esc(t.language)}</a></header>${body}</main></body></html>`;
}

function eventItem(lang: Lang, t: Text, d: TracePageData, e: TraceEvent, correctedIds: Set<string>): string {
  const lotLink = (id: string) => {
    const code = d.lotCodes.get(id) ?? '';
    return code === d.lot.code ? esc(code) : `<a href="/t/${encodeURIComponent(code)}?lang=${lang}">${esc(code)}</a>`;
  };
  const lines: string[] = [];
  const inputs = e.details.lots.filter((l) => l.role === 'INPUT');
  const outputs = e.details.lots.filter((l) => l.role === 'OUTPUT');
  if (inputs.length)
    lines.push(`${esc(t.inputs)}: ${inputs.map((l) => `${lotLink(l.lotId)} ${esc(fmtQty(lang, l.quantity, l.unit))}`).join(', ')}`);
  if (outputs.length)
    lines.push(`${esc(t.outputs)}: ${outputs.map((l) => `${lotLink(l.lotId)} ${esc(fmtQty(lang, l.quantity, l.unit))}`).join(', ')}`);
  const subject = e.details.lots.find((l) => l.role === 'SUBJECT');
  if (subject?.quantity) lines.push(`${esc(t.quantity)}: ${esc(fmtQty(lang, subject.quantity, subject.unit))}`);
  if (e.details.farmInput)
    lines.push(
      `${esc(t.farmInput)}: ${esc(e.details.farmInput.product)}, ${esc(t.dose)} ${e.details.farmInput.dose} ${esc(e.details.farmInput.doseUnit)}`,
    );
  if (e.destinationBusinessId) lines.push(`${esc(t.shippedTo)}: ${esc(d.businesses.get(e.destinationBusinessId) ?? '')}`);
  if (e.place) lines.push(esc(e.place));
  if (e.details.notes) lines.push(esc(e.details.notes.length > 160 ? `${e.details.notes.slice(0, 159)}…` : e.details.notes));
  if (e.correctsEventId) lines.push(`<em>${esc(t.correction)}: ${esc(e.details.correctionReason ?? '')}</em>`);
  const day = vnDay(e.eventTime);
  const certs = d.certifications
    .map(
      (c) =>
        `<span class="b${certValidOn(c, day) ? '' : ' no'}">${esc(SCHEME[c.scheme] || c.number)} ${certValidOn(c, day) ? '✓' : '✗'}</span>`,
    )
    .join('');
  const corrected = correctedIds.has(e.id);
  return `<li class="e${corrected ? ' x' : ''}" id="e-${e.id}"><div class="t">${esc(fmtTime(lang, e.eventTime))}${corrected ? ` · <span class="no">${esc(t.corrected)}</span>` : ''}</div>
<div class="s"><strong>${esc(STEP_NAMES[lang][e.bizStep] ?? e.bizStep)}</strong>${lines.map((l) => `<br>${l}`).join('')}</div>${certs ? `<div class="t">${esc(t.certAtEvent)}: ${certs}</div>` : ''}</li>`;
}

/** Bytes the whole page may take; the timeline gets what the rest leaves. */
export const PAGE_BUDGET = 30 * 1024;
const CHROME_BYTES = 3 * 1024;

/**
 * The timeline, oldest first, keeping the most recent events that fit in the
 * page budget; older ones are counted and left to the EPCIS export, so the
 * page stays small on a weak connection however long the history is.
 */
function timeline(lang: Lang, t: Text, d: TracePageData, correctedIds: Set<string>, usedBytes: number): string {
  if (!d.events.length) return `<p>${esc(t.noEvents)}</p>`;
  const budget = PAGE_BUDGET - CHROME_BYTES - usedBytes;
  const kept: string[] = [];
  let bytes = 0;
  for (let i = d.events.length - 1; i >= 0; i--) {
    const item = eventItem(lang, t, d, d.events[i]!, correctedIds);
    const size = Buffer.byteLength(item) + 1;
    if (bytes + size > budget) break;
    kept.unshift(item);
    bytes += size;
  }
  const earlier = d.earlierEvents + d.events.length - kept.length;
  return `${earlier ? `<p class="t">${fill(t.earlier, { n: earlier })}</p>` : ''}<ol>${kept.join('\n')}</ol>`;
}

/** The product's name, or, while the product is not published, just the lot's code. */
function productName(d: TracePageData, lang: Lang): string {
  if (!d.product) return TEXT[lang].lotOnly.replace('{{code}}', d.lot.code);
  return (lang === 'en' && d.product.nameEn) || d.product.nameVi;
}

/** The public page of one lot: Circular 02/2024's fields first, then the timeline. */
export function renderTracePage(d: TracePageData, lang: Lang, selfPath: string): string {
  const t = TEXT[lang];
  const name = productName(d, lang);
  const today = vnDay(new Date());
  const correctedIds = new Set(d.events.flatMap((e) => (e.correctsEventId ? [e.correctsEventId] : [])));
  const row = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${v}</dd>`;
  const code = encodeURIComponent(d.lot.code);
  const head = `
${d.imageUrl ? `<img class="p" src="${esc(d.imageUrl)}" alt="${esc(name)}">` : ''}
<h1>${esc(name)}</h1>${d.product ? '' : `<p class="t">${esc(t.productNotPublished)}</p>`}
<dl>${row(t.lot, esc(d.lot.code))}${row(t.producedOn, esc(fmtDate(lang, d.lot.producedOn)))}${row(t.expiresOn, esc(fmtDate(lang, d.lot.expiresOn)))}${row(
    t.quantity,
    esc(fmtQty(lang, d.lot.quantity, d.lot.unit)),
  )}${row(t.brand, d.brand ? esc(d.brand.name) : t.none)}${row(t.producer, esc(d.cooperative.name))}${row(
    t.address,
    esc([d.cooperative.address, ...d.cooperativeArea].filter(Boolean).join(', ')),
  )}${row(t.origin, esc([d.lot.plot, ...d.lotArea].filter(Boolean).join(', ')))}</dl>
<h2>${esc(t.certificates)}</h2>${
    d.certifications.length
      ? `<ul>${d.certifications
          .map(
            (c) =>
              `<li>${esc(SCHEME[c.scheme] || '')} ${esc(c.number)} · ${esc(c.issuer)} · ${esc(fmtDate(lang, c.issuedOn))}–${esc(fmtDate(lang, c.expiresOn))} <span class="${certValidOn(c, today) ? 'ok' : 'no'}">(${esc(certValidOn(c, today) ? t.validNow : t.expired)})</span></li>`,
          )
          .join('')}</ul>`
      : `<p>${t.none}</p>`
  }
${
  d.upstream.length
    ? `<h2>${esc(t.upstream)}</h2><ul>${d.upstream.map((u) => `<li><a href="/t/${encodeURIComponent(u.code)}?lang=${lang}">${esc(u.code)}</a> ${esc(u.productName)}</li>`).join('')}</ul>`
    : ''
}
<h2>${esc(t.timeline)}</h2>`;
  const foot = `
<p class="w${d.integrity.valid ? '' : ' no'}">${d.integrity.valid ? fill(t.integrityOk, { n: d.integrity.checkedEvents }) : esc(t.integrityBroken)}</p>
<footer><a href="/t/${code}/epcis.json">${esc(t.epcis)}</a><a href="/t/${code}/labels?lang=${lang}">${esc(t.labels)}</a></footer>`;
  const events = timeline(lang, t, d, correctedIds, Buffer.byteLength(head + foot));
  return shell(lang, `${name} · ${d.lot.code}`, head + events + foot, `${selfPath}?lang=${lang === 'vi' ? 'en' : 'vi'}`);
}

/** A helpful page for a code that matches no lot: say so, and offer another search. */
export function renderNotFound(code: string, lang: Lang): string {
  const t = TEXT[lang];
  const body = `<h1>${esc(t.notFoundTitle)}</h1><p>${fill(t.notFoundBody, { code })}</p>
<form method="get" action="/t"><input name="code" value="${esc(code)}" maxlength="40" aria-label="${esc(t.lot)}" required>
<input type="hidden" name="lang" value="${lang}"><button>${esc(t.search)}</button></form><p><a href="/">${esc(t.catalogue)}</a></p>`;
  return shell(lang, t.notFoundTitle, body, `/t/${encodeURIComponent(code)}?lang=${lang === 'vi' ? 'en' : 'vi'}`);
}

/** A sheet of N identical labels for printing on A4, two or three to a row. */
export function renderLabelSheet(d: TracePageData, lang: Lang, qrSvg: string, count: number, url: string): string {
  const t = TEXT[lang];
  const name = productName(d, lang);
  const label = `<div class="l">${qrSvg}<div><strong>${esc(name)}</strong><br>${esc(d.cooperative.name)}<br>${esc(t.lot)}: <b>${esc(d.lot.code)}</b><br>${esc(
    t.producedOn,
  )}: ${esc(fmtDate(lang, d.lot.producedOn))}<br>${esc(t.expiresOn)}: ${esc(fmtDate(lang, d.lot.expiresOn))}<br><small>${esc(url)}</small></div></div>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(
    t.labels,
  )} · ${esc(d.lot.code)}</title><style>
body{font:11px/1.3 system-ui,sans-serif;margin:0}.g{display:grid;grid-template-columns:repeat(auto-fill,minmax(62mm,1fr));gap:3mm;padding:5mm}
.l{display:flex;gap:2mm;border:1px dashed #999;padding:2mm;break-inside:avoid}.l svg{width:24mm;height:24mm;flex:none}small{word-break:break-all}
@page{size:A4;margin:8mm}@media print{.np{display:none}.l{border-color:#ddd}}</style></head><body>
<div class="g">${label.repeat(count)}</div></body></html>`;
}
