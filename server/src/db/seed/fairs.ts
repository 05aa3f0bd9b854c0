import { fairSlots } from '../../modules/fair/fair-slots';
import { scheduleMeetings } from '../../modules/scheduling/scheduler';
import { rowsOf, type Queryable } from './queryable';
import { Random } from './random';

export interface FairSeedRefs {
  seed: number;
  staffId: string;
  /** HTX NN Long Hiệp, managed by coop@demo.cooplink.vn. */
  longHiepId: string | undefined;
  /** The company of business@demo.cooplink.vn. */
  demoBusinessId: string | undefined;
}

const SESSIONS_DONE = [
  { label: 'Sáng 21/11', date: '2025-11-21', start: '08:00', end: '11:00' },
  { label: 'Chiều 21/11', date: '2025-11-21', start: '13:30', end: '16:30' },
];
const SESSIONS_OPEN = [
  { label: 'Sáng 18/12', date: '2026-12-18', start: '08:00', end: '11:00' },
  { label: 'Chiều 18/12', date: '2026-12-18', start: '13:30', end: '16:00' },
];

/**
 * Two events around the demo organisations: last year's trade fair, completed, with held
 * meetings, no-shows and outcomes; and this year's linkage conference, open, with accepted
 * participants and answered requests, ready for staff to run the scheduler. Only the first
 * replica's organisations take part, so the cost is the same at any scale.
 */
export async function seedFairs(q: Queryable, refs: FairSeedRefs): Promise<void> {
  const rnd = Random.stream(refs.seed, 'fairs');
  const coops = rowsOf<{ id: string }>(
    await q.query(`SELECT id FROM cooperative WHERE verified_at IS NOT NULL AND id <> $1 ORDER BY registration_number LIMIT 16`, [
      refs.longHiepId ?? '00000000-0000-0000-0000-000000000000',
    ]),
  ).map((r) => r.id);
  const businesses = rowsOf<{ id: string }>(
    await q.query(`SELECT id FROM business WHERE verified_at IS NOT NULL AND id <> $1 ORDER BY tax_code LIMIT 10`, [
      refs.demoBusinessId ?? '00000000-0000-0000-0000-000000000000',
    ]),
  ).map((r) => r.id);
  const coopIds = [refs.longHiepId, ...coops].filter((x): x is string => !!x);
  const bizIds = [refs.demoBusinessId, ...businesses].filter((x): x is string => !!x);

  // Last year's fair, done and followed up.
  const done = rnd.uuid();
  await insertFair(q, done, refs.staffId, {
    kind: 'TRADE_FAIR',
    name: 'Hội chợ Thương mại – Nông sản Trà Vinh 2025',
    description: 'Hội chợ trưng bày sản phẩm OCOP và nông sản của các hợp tác xã, kết hợp gặp gỡ giao thương với doanh nghiệp.',
    venue: 'Quảng trường Trung tâm Văn hóa tỉnh, TP. Trà Vinh',
    startsOn: '2025-11-20',
    endsOn: '2025-11-22',
    opens: '2025-09-15T00:00:00+07:00',
    closes: '2025-11-10T17:00:00+07:00',
    booths: 60,
    sessions: SESSIONS_DONE,
    tables: 8,
    cap: 6,
    status: 'COMPLETED',
  });
  const doneRegs = await register(q, rnd, done, coopIds.slice(0, 12), bizIds.slice(0, 7), refs.staffId);
  const doneRequests = await request(q, rnd, done, doneRegs, 'ACCEPTED');
  const slots = fairSlots(SESSIONS_DONE, 30);
  const result = scheduleMeetings({
    participants: [...doneRegs.coops, ...doneRegs.businesses].map((id) => ({ id, cap: 6, availableSlots: slots.map((s) => s.index) })),
    slots: slots.map((s) => ({ index: s.index, session: s.session })),
    tableCount: 8,
    requests: doneRequests.map((r) => ({ ...r, matchScore: 0.6, mutual: false })),
    seed: refs.seed,
  });
  const levels = [1, 2, 2, 3, 3, 3, 4, 4, 5];
  const orgOf = new Map<string, { cooperativeId?: string; businessId?: string }>([
    ...doneRegs.coops.map((reg, i) => [reg, { cooperativeId: coopIds[i] }] as const),
    ...doneRegs.businesses.map((reg, i) => [reg, { businessId: bizIds[i] }] as const),
  ]);
  const demoCoopReg = refs.longHiepId ? doneRegs.coops[0] : undefined;
  const demoBizReg = refs.demoBusinessId ? doneRegs.businesses[0] : undefined;
  const meetings = result.assignments.map((m) => {
    const held = !rnd.chance(0.18);
    const level = held && rnd.chance(0.85) ? rnd.pick(levels) : null;
    const id = rnd.uuid();
    return { id, m, held, level, recorded: level === 5 ? rnd.int(4, 60) * 50_000_000 : null };
  });
  // The demo cooperative came to every one of its meetings and found each a valuable contact,
  // so its manager can take one further on the meeting's page.
  for (const row of meetings)
    if (demoCoopReg && row.m.participantIds.includes(demoCoopReg)) {
      row.held = true;
      row.level = 3;
    }
  // A few cooperative–company meetings (away from the demo logins) ended in signed contracts,
  // each opened as a linkage from the meeting, so the event report shows agreements and value.
  const deals = meetings
    .filter((row) => {
      const [a, b] = row.m.participantIds.map((id) => orgOf.get(id));
      const demo = row.m.participantIds.some((id) => id === demoCoopReg || id === demoBizReg);
      return !demo && !!a && !!b && !!(a.cooperativeId ?? b.cooperativeId) && !!(a.businessId ?? b.businessId);
    })
    .slice(0, 4);
  const dealRnd = Random.stream(refs.seed, 'fair-agreements');
  const dealValues = new Map<string, { quantity: number; unitPrice: number; unit: string }>();
  for (const row of deals) {
    row.held = true;
    row.level = 5;
    const tonnes = dealRnd.int(5, 40);
    dealValues.set(row.id, { quantity: tonnes, unitPrice: dealRnd.int(8, 30) * 1_000_000, unit: 'TNE' });
  }
  for (const { id, m, held, level, recorded } of meetings) {
    const deal = dealValues.get(id);
    await q.query(
      `INSERT INTO fair_meeting (id, fair_id, registration_a, registration_b, slot, table_no, value, request_ids, status, a_attended, b_attended,
                                 outcome_level, outcome_note, agreement_value, outcome_by, outcome_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
      [
        id,
        done,
        m.participantIds[0],
        m.participantIds[1],
        m.slot,
        m.table,
        m.value,
        m.requestIds,
        held ? 'HELD' : 'NO_SHOW',
        true,
        held,
        level,
        level === 5 ? 'Ký biên bản ghi nhớ bao tiêu' : level === 3 ? 'Trao đổi mẫu sản phẩm, hẹn thăm vùng nguyên liệu' : '',
        deal ? deal.quantity * deal.unitPrice : level === 5 ? (recorded ?? 500_000_000) : null,
        level ? refs.staffId : null,
        level ? '2025-12-05T09:00:00+07:00' : null,
      ],
    );
  }
  for (const row of deals) {
    const deal = dealValues.get(row.id)!;
    const [a, b] = row.m.participantIds.map((id) => orgOf.get(id)!);
    const coop = a!.cooperativeId ? a! : b!;
    const biz = a!.businessId ? a! : b!;
    const linkageId = dealRnd.uuid();
    await q.query(
      `INSERT INTO linkage (id, need_id, fair_meeting_id, cooperative_id, counterpart_business_id, proposed_by, status, created_by, created_at, updated_at)
       VALUES ($1, NULL, $2, $3, $4, 'RESPONDER', 'AGREED', $5, '2025-11-28T09:00:00+07:00', '2025-12-15T14:00:00+07:00')`,
      [linkageId, row.id, coop.cooperativeId, biz.businessId, refs.staffId],
    );
    await q.query(
      `INSERT INTO linkage_event (linkage_id, from_status, to_status, actor_id, at)
       VALUES ($1, NULL, 'NEGOTIATING', $2, '2025-11-28T09:00:00+07:00'), ($1, 'NEGOTIATING', 'AGREED', $2, '2025-12-15T14:00:00+07:00')`,
      [linkageId, refs.staffId],
    );
    await q.query(
      `INSERT INTO agreement (linkage_id, quantity, unit, unit_price, starts_on, ends_on, total_value, signed_at)
       VALUES ($1, $2, $3, $4, '2026-01-01', '2026-12-31', $5, '2025-12-15T14:00:00+07:00')`,
      [linkageId, deal.quantity, deal.unit, deal.unitPrice, deal.quantity * deal.unitPrice],
    );
  }

  // This year's conference: open, answered requests waiting for the scheduler.
  const open = rnd.uuid();
  await insertFair(q, open, refs.staffId, {
    kind: 'LINKAGE_CONFERENCE',
    name: 'Hội nghị kết nối cung cầu nông sản Trà Vinh 2026',
    description: 'Gặp gỡ trực tiếp giữa hợp tác xã và doanh nghiệp thu mua, chế biến, xuất khẩu và cung ứng vật tư.',
    venue: 'Khách sạn Cửu Long, TP. Trà Vinh',
    startsOn: '2026-12-18',
    endsOn: '2026-12-18',
    opens: '2026-10-01T00:00:00+07:00',
    closes: '2026-12-11T17:00:00+07:00',
    booths: 30,
    sessions: SESSIONS_OPEN,
    tables: 6,
    cap: 5,
    status: 'OPEN',
  });
  const openRegs = await register(q, rnd, open, coopIds.slice(0, 12), bizIds.slice(0, 8), refs.staffId);
  await request(q, rnd, open, openRegs, 'ACCEPTED');
  if (refs.longHiepId) await pendingForDemoCooperative(q, Random.stream(refs.seed, 'fair-pending'), open, openRegs);
  // A review queue for staff: applications waiting, one on the wait-list.
  for (const [i, id] of coopIds.slice(12, 16).entries())
    await q.query(
      `INSERT INTO fair_registration (id, fair_id, cooperative_id, status, needs_booth, waitlisted_at, note) VALUES ($1,$2,$3,$4,true,$5,'')`,
      [rnd.uuid(), open, id, i === 0 ? 'WAITLISTED' : 'APPLIED', i === 0 ? '2026-11-20T08:00:00+07:00' : null],
    );
}

/**
 * A company that has not yet met HTX NN Long Hiệp asks to, and the request waits for the
 * manager's answer, so the demo cooperative has something to accept or decline on first visit.
 */
async function pendingForDemoCooperative(q: Queryable, rnd: Random, fairId: string, regs: Regs): Promise<void> {
  const [demoCoop] = regs.coops;
  if (!demoCoop) return;
  const asked = new Set(
    rowsOf<{ other: string }>(
      await q.query(
        `SELECT CASE WHEN from_registration = $2 THEN to_registration ELSE from_registration END AS other
           FROM meeting_request WHERE fair_id = $1 AND $2 IN (from_registration, to_registration)`,
        [fairId, demoCoop],
      ),
    ).map((r) => r.other),
  );
  const from = regs.businesses.slice(1).find((b) => !asked.has(b));
  if (!from) return;
  await q.query(
    `INSERT INTO meeting_request (id, fair_id, from_registration, to_registration, preference, reason, status, expires_at)
     VALUES ($1, $2, $3, $4, 'MUST_MEET', 'Cần nguồn dừa sáp và dừa xiêm ổn định cho nhà máy', 'PENDING', now() + interval '72 hours')`,
    [rnd.uuid(), fairId, from, demoCoop],
  );
}

interface FairSeed {
  kind: string;
  name: string;
  description: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  opens: string;
  closes: string;
  booths: number;
  sessions: unknown;
  tables: number;
  cap: number;
  status: string;
}

async function insertFair(q: Queryable, id: string, staffId: string, f: FairSeed): Promise<void> {
  await q.query(
    `INSERT INTO fair (id, kind, name, description, venue, area_code, starts_on, ends_on, registration_opens_at, registration_closes_at,
                       booth_capacity, sessions, slot_minutes, table_count, meeting_cap, request_expiry_hours, status, created_by)
     VALUES ($1,$2,$3,$4,$5,'84',$6,$7,$8,$9,$10,$11,30,$12,$13,72,$14,$15)`,
    [
      id,
      f.kind,
      f.name,
      f.description,
      f.venue,
      f.startsOn,
      f.endsOn,
      f.opens,
      f.closes,
      f.booths,
      JSON.stringify(f.sessions),
      f.tables,
      f.cap,
      f.status,
      staffId,
    ],
  );
}

interface Regs {
  coops: string[];
  businesses: string[];
}

/** Accepted participants; cooperatives take booths 1, 2, … and show their published products. */
async function register(q: Queryable, rnd: Random, fairId: string, coops: string[], businesses: string[], staffId: string): Promise<Regs> {
  const out: Regs = { coops: [], businesses: [] };
  for (const [i, coop] of coops.entries()) {
    const id = rnd.uuid();
    await q.query(
      `INSERT INTO fair_registration (id, fair_id, cooperative_id, status, needs_booth, booth_number, product_ids, reviewed_by)
       SELECT $1, $2, $3, 'ACCEPTED', true, $4, coalesce((SELECT array_agg(id ORDER BY id) FROM
         (SELECT id FROM product WHERE cooperative_id = $3 AND status = 'PUBLISHED' ORDER BY id LIMIT 3) p), '{}'), $5`,
      [id, fairId, coop, i + 1, staffId],
    );
    out.coops.push(id);
  }
  await q.query(`UPDATE fair SET booths_taken = $2 WHERE id = $1`, [fairId, coops.length]);
  for (const biz of businesses) {
    const id = rnd.uuid();
    await q.query(
      `INSERT INTO fair_registration (id, fair_id, business_id, status, needs_booth, reviewed_by) VALUES ($1,$2,$3,'ACCEPTED',false,$4)`,
      [id, fairId, biz, staffId],
    );
    out.businesses.push(id);
  }
  return out;
}

interface SeededRequest {
  id: string;
  from: string;
  to: string;
  preference: 'MUST_MEET' | 'MEET';
}

/**
 * Businesses ask cooperatives and cooperatives ask businesses; the first business always asks
 * the first cooperative (the demo pair), and one cooperative says "no thanks" to a business.
 */
async function request(q: Queryable, rnd: Random, fairId: string, regs: Regs, status: string): Promise<SeededRequest[]> {
  const out: SeededRequest[] = [];
  const seen = new Set<string>();
  const add = async (from: string, to: string, preference: 'MUST_MEET' | 'MEET' | 'NO_THANKS', st: string) => {
    const key = [from, to].sort().join();
    if (seen.has(key)) return;
    seen.add(key);
    const id = rnd.uuid();
    await q.query(
      `INSERT INTO meeting_request (id, fair_id, from_registration, to_registration, preference, reason, status, expires_at, responded_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7, CASE WHEN $7 = 'PENDING' THEN now() + interval '72 hours' END, CASE WHEN $7 = 'ACCEPTED' THEN now() END)`,
      [id, fairId, from, to, preference, preference === 'NO_THANKS' ? '' : 'Tìm nguồn hàng ổn định', st],
    );
    if (preference !== 'NO_THANKS' && st === 'ACCEPTED') out.push({ id, from, to, preference });
  };
  const [firstBiz] = regs.businesses;
  const [firstCoop] = regs.coops;
  if (firstBiz && firstCoop) await add(firstBiz, firstCoop, 'MUST_MEET', status);
  for (const b of regs.businesses)
    for (const c of regs.coops) {
      if (!rnd.chance(0.3)) continue;
      const fromBusiness = rnd.chance(0.5);
      const preference = rnd.chance(0.3) ? 'MUST_MEET' : 'MEET';
      await add(fromBusiness ? b : c, fromBusiness ? c : b, preference, rnd.chance(0.85) ? status : 'PENDING');
    }
  const last = regs.businesses[regs.businesses.length - 1];
  const lastCoop = regs.coops[regs.coops.length - 1];
  if (last && lastCoop && !seen.has([lastCoop, last].sort().join())) await add(lastCoop, last, 'NO_THANKS', 'STANDING');
  return out;
}
