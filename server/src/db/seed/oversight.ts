import { insertRows, type Row } from './bulk';
import { addDays, randomDate } from './dates';
import { rowsOf, type Queryable } from './queryable';
import { Random } from './random';

/** The reasons the district finance offices typically record, by the status reached. */
const REASONS: Record<string, string> = {
  SUSPENDED: 'Hợp tác xã thông báo tạm ngừng kinh doanh do thiếu vốn và thành viên không tham gia sản xuất.',
  DISSOLVING: 'Đại hội thành viên biểu quyết giải thể; đang thanh lý tài sản và công nợ.',
  DISSOLVED: 'Hoàn tất thủ tục giải thể, thu hồi giấy chứng nhận đăng ký hợp tác xã.',
  OPERATING: 'Hợp tác xã hoạt động trở lại sau khi kiện toàn bộ máy quản lý.',
};

/** The directive's steps for a pilot or model cooperative to be replicated. */
const CHECKLIST = [
  'Xây dựng phương án sản xuất, kinh doanh',
  'Kiện toàn bộ máy quản lý, kiểm soát',
  'Tham gia liên kết theo chuỗi giá trị',
  'Có sản phẩm đạt chứng nhận VietGAP hoặc OCOP',
  'Đăng ký nhãn hiệu và truy xuất nguồn gốc',
  'Sơ kết, đánh giá và nhân rộng mô hình',
];

/** Bounded so that a province loaded 500 times over still seeds in moments. */
const MAX_PILOTS = 2000;

/**
 * The status history of the demo's stopped cooperatives, dated as the audit
 * rows the cooperative generator wrote, and a progress checklist for pilot and
 * model cooperatives. Safe to run again: nothing already recorded is repeated.
 */
export async function seedOversight(q: Queryable, opts: { seed: number }): Promise<{ statusChanges: number; checklistItems: number }> {
  const changes = rowsOf<{ n: number }>(
    await q.query(
      `WITH ins AS (
         INSERT INTO cooperative_status_change (cooperative_id, changed_on, from_status, to_status, reason, recorded_by, recorded_at)
         SELECT l.entity_id::uuid, (l.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, l.data->>'from', l.data->>'to',
                CASE l.data->>'to' ${Object.entries(REASONS)
                  .map(([k, v]) => `WHEN '${k}' THEN '${v}'`)
                  .join(' ')} END,
                l.actor_id, l.at
           FROM audit_log l
          WHERE l.action = 'cooperative.status_changed' AND l.entity = 'cooperative'
            AND NOT EXISTS (SELECT 1 FROM cooperative_status_change s WHERE s.cooperative_id = l.entity_id::uuid)
          ORDER BY l.at
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
    ),
  );

  const pilots = rowsOf<{ id: string; established_on: string }>(
    await q.query(
      `SELECT c.id, c.established_on::text AS established_on FROM cooperative c
        WHERE (c.is_pilot OR c.is_model) AND NOT EXISTS (SELECT 1 FROM pilot_checklist_item i WHERE i.cooperative_id = c.id)
        ORDER BY c.id LIMIT ${MAX_PILOTS}`,
    ),
  );
  const items: Row[] = [];
  for (const p of pilots) {
    const rng = Random.stream(opts.seed, 'pilot-checklist', p.id);
    const done = rng.int(1, CHECKLIST.length);
    let day = randomDate(rng, '2020-03-01', '2021-06-30');
    CHECKLIST.forEach((title, position) => {
      items.push({ cooperative_id: p.id, position, title, done_on: position < done ? day : null });
      day = addDays(day, rng.int(90, 300));
    });
  }
  const written = await insertRows(
    q,
    'pilot_checklist_item',
    { cooperative_id: 'uuid', position: 'smallint', title: 'text', done_on: 'date' },
    items,
    'ON CONFLICT DO NOTHING',
  );
  return { statusChanges: changes[0]?.n ?? 0, checklistItems: written };
}
