import type { RequestContext } from '../../common/context';
import { OUTCOME_LEVELS } from './fair.entity';
import type { FairReport } from './fair.types';

export class ReportService {
  /** The figures the province reports after an event, e.g. "73 meetings accepted, 55 held". */
  async report(ctx: RequestContext, fairId: string): Promise<FairReport> {
    const q = (sql: string) => ctx.em.query(sql, [fairId]) as Promise<Record<string, unknown>[]>;
    const [regs] = await q(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted FROM fair_registration WHERE fair_id = $1`,
    );
    const bySector = await q(
      `SELECT coalesce(c.sector, 'BUSINESS') AS key, count(*)::int AS count FROM fair_registration r
         LEFT JOIN cooperative c ON c.id = r.cooperative_id WHERE r.fair_id = $1 AND r.status = 'ACCEPTED' GROUP BY 1 ORDER BY 1`,
    );
    // District of the commune where the organisation is registered, with its name.
    const byArea = await q(
      `SELECT coalesce(a.parent_code, a.code, 'UNKNOWN') AS key, d.name AS label, count(*)::int AS count FROM fair_registration r
         LEFT JOIN cooperative c ON c.id = r.cooperative_id LEFT JOIN business b ON b.id = r.business_id
         LEFT JOIN area a ON a.code = coalesce(c.area_code, b.area_code)
         LEFT JOIN area d ON d.code = coalesce(a.parent_code, a.code)
        WHERE r.fair_id = $1 AND r.status = 'ACCEPTED' GROUP BY 1, 2 ORDER BY 3 DESC, 1`,
    );
    const [req] = await q(
      `SELECT count(*) FILTER (WHERE preference <> 'NO_THANKS')::int AS requested,
              count(*) FILTER (WHERE status = 'ACCEPTED')::int AS accepted FROM meeting_request WHERE fair_id = $1`,
    );
    // An agreement is counted once per meeting: the contract signed through the linkage the
    // meeting opened when there is one (its value is the signed total), else the outcome record.
    const [meet] = await q(
      `SELECT count(*)::int AS scheduled, count(*) FILTER (WHERE m.status = 'HELD')::int AS held,
              count(*) FILTER (WHERE m.status = 'NO_SHOW')::int AS no_shows,
              count(*) FILTER (WHERE m.outcome_level = 5 OR a.linkage_id IS NOT NULL)::int AS agreements,
              coalesce(sum(coalesce(a.total_value, m.agreement_value)), 0)::bigint AS value,
              count(l.id)::int AS linkages, count(a.linkage_id)::int AS linkage_agreements
         FROM fair_meeting m LEFT JOIN linkage l ON l.fair_meeting_id = m.id LEFT JOIN agreement a ON a.linkage_id = l.id
        WHERE m.fair_id = $1`,
    );
    const outcomes = await q(
      `SELECT outcome_level AS level, count(*)::int AS count FROM fair_meeting WHERE fair_id = $1 AND outcome_level IS NOT NULL GROUP BY 1`,
    );
    const byLevel = new Map(outcomes.map((o) => [Number(o.level), Number(o.count)]));
    return {
      registrations: Number(regs!.total),
      accepted: Number(regs!.accepted),
      registrationsBySector: bySector.map((r) => ({ key: String(r.key), count: Number(r.count) })),
      registrationsByArea: byArea.map((r) => ({
        key: String(r.key),
        count: Number(r.count),
        label: r.label == null ? null : String(r.label),
      })),
      meetingsRequested: Number(req!.requested),
      meetingsAccepted: Number(req!.accepted),
      meetingsScheduled: Number(meet!.scheduled),
      meetingsHeld: Number(meet!.held),
      noShows: Number(meet!.no_shows),
      outcomes: OUTCOME_LEVELS.map((key, i) => ({ key, count: byLevel.get(i + 1) ?? 0 })),
      agreements: Number(meet!.agreements),
      agreementValue: Number(meet!.value),
      linkagesOpened: Number(meet!.linkages),
      linkageAgreements: Number(meet!.linkage_agreements),
    };
  }

  /**
   * One row per figure, so it opens cleanly in a spreadsheet: the API's code in `key`, and in
   * `label` what the province's report calls it (district names, sectors, outcome levels), in
   * Vietnamese like the rest of the provincial paperwork.
   */
  csv(r: FairReport): string {
    const rows: (string | number)[][] = [['section', 'key', 'value', 'label']];
    rows.push(
      ['registrations', 'total', r.registrations, 'Tổng số đăng ký'],
      ['registrations', 'accepted', r.accepted, 'Đơn vị được duyệt tham gia'],
    );
    for (const s of r.registrationsBySector) rows.push(['sector', s.key, s.count, SECTOR_LABELS[s.key] ?? s.key]);
    for (const a of r.registrationsByArea) rows.push(['area', a.key, a.count, a.label ?? 'Không rõ địa bàn']);
    rows.push(
      ['meetings', 'requested', r.meetingsRequested, 'Cuộc gặp được đề nghị'],
      ['meetings', 'accepted', r.meetingsAccepted, 'Cuộc gặp được chấp nhận'],
      ['meetings', 'scheduled', r.meetingsScheduled, 'Cuộc gặp được xếp lịch'],
      ['meetings', 'held', r.meetingsHeld, 'Cuộc gặp đã diễn ra'],
      ['meetings', 'no_shows', r.noShows, 'Vắng mặt'],
    );
    for (const o of r.outcomes) rows.push(['outcome', o.key, o.count, OUTCOME_LABELS[o.key] ?? o.key]);
    rows.push(
      ['agreements', 'count', r.agreements, 'Thỏa thuận hợp tác'],
      ['agreements', 'value_vnd', r.agreementValue, 'Giá trị thỏa thuận (đồng)'],
    );
    rows.push(
      ['linkages', 'opened', r.linkagesOpened, 'Liên kết mở từ sự kiện'],
      ['linkages', 'agreements', r.linkageAgreements, 'Liên kết đã ký hợp đồng'],
    );
    const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
  }
}

const SECTOR_LABELS: Record<string, string> = {
  AGRICULTURE: 'HTX nông nghiệp',
  NON_AGRICULTURE: 'HTX phi nông nghiệp',
  BUSINESS: 'Doanh nghiệp',
};

const OUTCOME_LABELS: Record<string, string> = {
  NO_FURTHER_CONTACT: 'Không liên hệ thêm',
  KNOWLEDGE_GAINED: 'Có thêm hiểu biết',
  VALUABLE_CONTACT: 'Mối liên hệ có giá trị',
  NEGOTIATION_STARTED: 'Bắt đầu đàm phán',
  AGREEMENT_REACHED: 'Đạt thỏa thuận hợp tác',
};
