import { insertRows, type Row } from './bulk';
import { BUSINESS_ACTIVITIES } from './data/businesses';
import { addDays } from './dates';
import { rowsOf, type Queryable } from './queryable';
import { Random } from './random';

const NEED_COLUMNS = {
  id: 'uuid',
  kind: 'text',
  business_id: 'uuid',
  cooperative_id: 'uuid',
  title: 'text',
  category_code: 'text',
  quantity: 'numeric',
  unit: 'text',
  frequency: 'text',
  delivery_from: 'date',
  delivery_to: 'date',
  delivery_area_code: 'text',
  price_min: 'bigint',
  price_max: 'bigint',
  negotiable: 'boolean',
  required_certifications: 'text[]',
  min_ocop_stars: 'smallint',
  quality_notes: 'text',
  expires_at: 'timestamptz',
  status: 'text',
  created_by: 'uuid',
  created_at: 'timestamptz',
} as const;

/** Input offers and demands the demo draws from: category, title, unit, quantity range, VND per unit. */
const INPUTS: ReadonlyArray<readonly [string, string, string, number, number, number]> = [
  ['input.fertiliser.organic', 'phân bón hữu cơ vi sinh', 'TNE', 5, 40, 6_500_000],
  ['input.fertiliser.mineral', 'phân NPK', 'TNE', 5, 30, 14_000_000],
  ['input.seed.rice', 'lúa giống xác nhận', 'TNE', 2, 15, 18_000_000],
  ['input.seed.aquatic', 'tôm giống sạch bệnh', 'H87', 200_000, 2_000_000, 120],
  ['input.feed', 'thức ăn thủy sản', 'TNE', 10, 60, 28_000_000],
  ['input.packaging', 'thùng carton, túi hút chân không', 'H87', 5_000, 50_000, 4_000],
  ['input.machinery', 'máy sấy, máy đóng gói', 'SET', 1, 3, 250_000_000],
  ['service.credit', 'vốn vay sản xuất ưu đãi', 'SET', 1, 5, 500_000_000],
  ['service.logistics', 'vận chuyển lạnh về TP. Hồ Chí Minh', 'SET', 2, 12, 9_000_000],
];

const LINKAGE_COLUMNS = {
  id: 'uuid',
  need_id: 'uuid',
  cooperative_id: 'uuid',
  proposed_by: 'text',
  status: 'text',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;
const LINKAGE_EVENT_COLUMNS = { linkage_id: 'uuid', from_status: 'text', to_status: 'text', actor_id: 'uuid', at: 'timestamptz' } as const;

const STAGES = ['PROPOSED', 'ACCEPTED', 'DECLINED', 'NEGOTIATING', 'AGREED', 'DELIVERING', 'COMPLETED', 'CANCELLED'] as const;
/** The steps a linkage went through to reach each stage. */
const PATHS: Record<(typeof STAGES)[number], string[]> = {
  PROPOSED: ['PROPOSED'],
  ACCEPTED: ['PROPOSED', 'ACCEPTED'],
  DECLINED: ['PROPOSED', 'DECLINED'],
  NEGOTIATING: ['PROPOSED', 'ACCEPTED', 'NEGOTIATING'],
  AGREED: ['PROPOSED', 'ACCEPTED', 'NEGOTIATING', 'AGREED'],
  DELIVERING: ['PROPOSED', 'ACCEPTED', 'NEGOTIATING', 'AGREED', 'DELIVERING'],
  COMPLETED: ['PROPOSED', 'ACCEPTED', 'NEGOTIATING', 'AGREED', 'DELIVERING', 'COMPLETED'],
  CANCELLED: ['PROPOSED', 'ACCEPTED', 'CANCELLED'],
};

interface ProductPick {
  id: string;
  cooperative_id: string;
  category_code: string;
  unit: string;
  name_vi: string;
  price_min: string | null;
  price_max: string | null;
}

/**
 * Needs of both kinds, cooperatives' input demands, linkages at every stage
 * (some with agreements, deliveries and a thread) and a few unread alerts.
 * It reads what the earlier steps wrote, in a fixed order, and draws from
 * its own random stream, so the same seed gives the same needs. It touches
 * a bounded number of organisations whatever the scale.
 */
export async function seedNeedsAndLinkages(
  q: Queryable,
  opts: { seed: number; today: string },
): Promise<{ needs: number; linkages: number }> {
  const rng = Random.stream(opts.seed, 'needs');
  const at = (day: string, hour = 9) => `${day}T${String(hour).padStart(2, '0')}:00:00+07:00`;
  const today = opts.today;
  const users = new Map(
    rowsOf<{ email: string; id: string }>(await q.query(`SELECT email, id FROM app_user WHERE email LIKE '%@demo.cooplink.vn'`)).map(
      (u) => [u.email, u.id],
    ),
  );
  const repId = users.get('business@demo.cooplink.vn') ?? null;
  const managerId = users.get('coop@demo.cooplink.vn') ?? null;
  const [demo] = rowsOf<{ business_id: string | null; cooperative_id: string | null }>(
    await q.query(
      `SELECT (SELECT business_id FROM membership WHERE user_id = $1 AND business_id IS NOT NULL LIMIT 1) AS business_id,
              (SELECT cooperative_id FROM membership WHERE user_id = $2 AND cooperative_id IS NOT NULL LIMIT 1) AS cooperative_id`,
      [repId, managerId],
    ),
  );
  const businesses = rowsOf<{ id: string; area_code: string; description: string | null; kinds: string[] }>(
    await q.query(`SELECT id, area_code, description, kinds FROM business ORDER BY tax_code LIMIT 60`),
  );
  const products = rowsOf<ProductPick>(
    await q.query(
      `SELECT p.id, p.cooperative_id, p.category_code, p.unit, p.name_vi, p.price_min::text, p.price_max::text
         FROM product p JOIN cooperative c ON c.id = p.cooperative_id AND c.status = 'OPERATING'
        WHERE p.status = 'PUBLISHED' ORDER BY p.id LIMIT 400`,
    ),
  );
  const coops = rowsOf<{ id: string }>(await q.query(`SELECT id FROM cooperative WHERE status = 'OPERATING' ORDER BY id LIMIT 40`));
  if (businesses.length === 0 || products.length === 0) return { needs: 0, linkages: 0 };
  const businessById = new Map(businesses.map((b) => [b.id, b]));
  const demoBusiness = demo?.business_id ?? businesses[0]!.id;
  const longHiep = demo?.cooperative_id ?? products[0]!.cooperative_id;
  const longHiepProducts = rowsOf<ProductPick>(
    await q.query(
      `SELECT id, cooperative_id, category_code, unit, name_vi, price_min::text, price_max::text FROM product WHERE cooperative_id = $1 AND status = 'PUBLISHED' ORDER BY id`,
      [longHiep],
    ),
  );

  const needs: Row[] = [];
  const offtake = (businessId: string, p: ProductPick, createdBy: string | null, title?: string): Row => {
    const from = addDays(today, rng.int(10, 60));
    const price = p.price_min ? Number(p.price_min) : null;
    const negotiable = price === null || rng.chance(0.3);
    const buyer = businessById.get(businessId);
    // Shops selling OCOP specialities sometimes ask for a star level; some buyers want delivery to their own warehouse.
    const minOcop = buyer?.kinds.includes('RETAILER') && rng.chance(0.4) ? 3 : null;
    const deliverTo = buyer && rng.chance(0.4) ? buyer.area_code : null;
    return {
      id: rng.uuid(),
      kind: 'OFFTAKE',
      business_id: businessId,
      cooperative_id: null,
      title: title ?? `Thu mua ${p.name_vi.toLowerCase()}`,
      category_code: p.category_code,
      quantity: p.unit === 'TNE' ? rng.int(5, 80) : rng.int(500, 20_000),
      unit: p.unit,
      frequency: rng.pick(['ONE_OFF', 'MONTHLY', 'SEASONAL']),
      delivery_from: from,
      delivery_to: addDays(from, rng.int(30, 180)),
      delivery_area_code: deliverTo,
      price_min: negotiable ? null : Math.round(price! * 0.85),
      price_max: negotiable ? null : Math.round((p.price_max ? Number(p.price_max) : price!) * 1.1),
      negotiable,
      required_certifications: rng.chance(0.25) ? ['VIETGAP'] : [],
      min_ocop_stars: minOcop,
      quality_notes: rng.pick(['Hàng loại 1, đồng đều kích cỡ.', 'Giao tại kho bên mua, có phiếu kiểm nghiệm.', '']),
      expires_at: at(addDays(today, rng.int(30, 120))),
      status: 'OPEN',
      created_by: createdBy,
      created_at: at(addDays(today, -rng.int(1, 30))),
    };
  };
  const input = (kind: 'INPUT_SUPPLY' | 'INPUT_DEMAND', owner: string, createdBy: string | null, only?: readonly string[]): Row => {
    const offered = only ? INPUTS.filter(([category]) => only.includes(category)) : [];
    const [category, what, unit, min, max, price] = rng.pick(offered.length ? offered : INPUTS);
    const from = addDays(today, rng.int(7, 45));
    return {
      id: rng.uuid(),
      kind,
      business_id: kind === 'INPUT_SUPPLY' ? owner : null,
      cooperative_id: kind === 'INPUT_DEMAND' ? owner : null,
      title: kind === 'INPUT_SUPPLY' ? `Cung cấp ${what}` : `Cần mua ${what}`,
      category_code: category,
      quantity: rng.int(min, max),
      unit,
      frequency: rng.pick(['ONE_OFF', 'SEASONAL']),
      delivery_from: from,
      delivery_to: addDays(from, rng.int(30, 120)),
      delivery_area_code: null,
      price_min: Math.round(price * 0.9),
      price_max: Math.round(price * 1.1),
      negotiable: false,
      required_certifications: [],
      min_ocop_stars: null,
      quality_notes: '',
      expires_at: at(addDays(today, rng.int(30, 90))),
      status: 'OPEN',
      created_by: createdBy,
      created_at: at(addDays(today, -rng.int(1, 20))),
    };
  };

  // Each company posts what its line of business buys or supplies: a shrimp processor buys shrimp, a fertiliser firm offers fertiliser.
  const activityOf = (b: { description: string | null }) => BUSINESS_ACTIVITIES.find((a) => a.description === b.description);
  const productsIn = (branches: readonly string[] | undefined): ProductPick[] => {
    const fit = products.filter((p) => branches?.some((b) => p.category_code === b || p.category_code.startsWith(`${b}.`)));
    return fit.length ? fit : products;
  };
  // The demo business, an exporter of rice and fruit, buys what Long Hiệp grows, so both demo logins see each other.
  const demoNeeds: Row[] = [];
  const demoLine = activityOf(businesses.find((b) => b.id === demoBusiness) ?? { description: null });
  // Five of them, in batches when Long Hiệp makes fewer products than that: four carry the linkages below, the fifth the joint offer.
  const ownCount = longHiepProducts.length ? 5 : 0;
  for (let k = 0; k < ownCount; k++) {
    const p = longHiepProducts[k % longHiepProducts.length]!;
    const batch = Math.floor(k / longHiepProducts.length);
    demoNeeds.push(offtake(demoBusiness, p, repId, batch ? `Thu mua ${p.name_vi.toLowerCase()}, đợt ${batch + 1}` : undefined));
  }
  for (let i = 0; i < 5; i++) demoNeeds.push(offtake(demoBusiness, rng.pick(productsIn(demoLine?.buys)), repId));
  needs.push(...demoNeeds, input('INPUT_DEMAND', longHiep, managerId));
  for (const b of businesses.slice(1)) {
    const line = activityOf(b);
    needs.push(line?.supplies ? input('INPUT_SUPPLY', b.id, null, line.supplies) : offtake(b.id, rng.pick(productsIn(line?.buys)), null));
  }
  for (const c of coops.slice(0, 15)) needs.push(input('INPUT_DEMAND', c.id, null));
  // A few that ran their course, so the board's filters have something to hide.
  for (const n of needs.slice(-6, -3)) n.status = 'FULFILLED';
  for (const n of needs.slice(-3)) {
    n.status = 'EXPIRED';
    n.expires_at = at(addDays(today, -rng.int(1, 10)));
  }
  await insertRows(q, 'need', NEED_COLUMNS, needs);

  // Linkages at every stage: the demo business with Long Hiệp and others, then other companies.
  const linkages: Row[] = [];
  const events: Row[] = [];
  const agreements: Row[] = [];
  const deliveries: Row[] = [];
  const messages: Row[] = [];
  const offtakes = needs.filter((n) => n.kind === 'OFFTAKE' && n.status === 'OPEN');
  const pairs: Array<[Row, string, string | null, (typeof STAGES)[number]]> = [];
  // Long Hiệp, the demo cooperative, holds a linkage with the demo business at the stages a manager acts on:
  // one to answer, one in negotiation, one being delivered and one completed with its agreement.
  const LONG_HIEP_STAGES: readonly (typeof STAGES)[number][] = ['PROPOSED', 'NEGOTIATING', 'DELIVERING', 'COMPLETED'];
  let ownNeed = 0;
  STAGES.forEach((stage, i) => {
    const withLongHiep = LONG_HIEP_STAGES.includes(stage) && ownNeed < ownCount;
    const need = withLongHiep ? demoNeeds[ownNeed++]! : (demoNeeds[ownCount + (i % 5)] ?? offtakes[i]!);
    const partner = withLongHiep ? longHiep : rng.pick(productsIn([rootCategory(need.category_code as string)])).cooperative_id;
    pairs.push([need, partner, withLongHiep ? managerId : null, stage]);
  });
  for (const [i, need] of offtakes.slice(9, 25).entries())
    pairs.push([need, rng.pick(productsIn([rootCategory(need.category_code as string)])).cooperative_id, null, STAGES[i % STAGES.length]!]);
  const seen = new Set<string>();
  for (const [need, coopId, coopUser, stage] of pairs) {
    const key = `${need.id as string}|${coopId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const id = rng.uuid();
    const ownerUser = need.business_id === demoBusiness ? repId : null;
    const ownerProposes = rng.chance(0.5);
    const start = addDays(today, -rng.int(20, 60));
    const path = PATHS[stage];
    linkages.push({
      id,
      need_id: need.id,
      cooperative_id: coopId,
      proposed_by: ownerProposes ? 'NEED_OWNER' : 'RESPONDER',
      status: stage,
      created_by: ownerProposes ? ownerUser : coopUser,
      created_at: at(start),
      updated_at: at(addDays(start, path.length * 3)),
    });
    path.forEach((to, s) => {
      const byOwner = s === 0 ? ownerProposes : to === 'ACCEPTED' || to === 'DECLINED' ? !ownerProposes : s % 2 === 0;
      events.push({
        linkage_id: id,
        from_status: s === 0 ? null : path[s - 1],
        to_status: to,
        actor_id: byOwner ? ownerUser : coopUser,
        at: at(addDays(start, s * 3), 9 + s),
      });
    });
    messages.push({
      id: rng.uuid(),
      linkage_id: id,
      author_id: ownerUser ?? coopUser,
      body: 'Bên em có thể giao theo đợt hàng tháng, anh chị xem giúp.',
      created_at: at(addDays(start, 1), 10),
    });
    if (path.includes('AGREED')) {
      const quantity = Number(need.quantity);
      const unitPrice = (need.price_min as number | null) ?? (need.unit === 'TNE' ? 12_000_000 : 25_000);
      const startsOn = addDays(start, path.indexOf('AGREED') * 3);
      agreements.push({
        linkage_id: id,
        quantity,
        unit: need.unit,
        unit_price: unitPrice,
        starts_on: startsOn,
        ends_on: addDays(startsOn, 180),
        total_value: Math.round(quantity * unitPrice),
        signed_by: ownerUser,
        signed_at: at(startsOn, 14),
      });
      if (path.includes('DELIVERING'))
        for (let d = 0; d < (stage === 'COMPLETED' ? 3 : 1); d++)
          deliveries.push({
            id: rng.uuid(),
            linkage_id: id,
            delivered_on: addDays(startsOn, 10 + d * 30),
            quantity: Math.max(1, Math.round(quantity / 3)),
            note: `Đợt ${d + 1}`,
            recorded_by: coopUser,
            recorded_at: at(addDays(startsOn, 10 + d * 30), 16),
          });
    }
  }
  // Messages reference a real author; rows without a demo login on either side keep only their steps.
  const authored = messages.filter((m) => m.author_id);
  await insertRows(q, 'linkage', LINKAGE_COLUMNS, linkages);
  await insertRows(q, 'linkage_event', LINKAGE_EVENT_COLUMNS, events);
  await insertRows(
    q,
    'linkage_message',
    { id: 'uuid', linkage_id: 'uuid', author_id: 'uuid', body: 'text', created_at: 'timestamptz' },
    authored,
  );
  await insertRows(
    q,
    'agreement',
    {
      linkage_id: 'uuid',
      quantity: 'numeric',
      unit: 'text',
      unit_price: 'bigint',
      starts_on: 'date',
      ends_on: 'date',
      total_value: 'bigint',
      signed_by: 'uuid',
      signed_at: 'timestamptz',
    },
    agreements,
  );
  await insertRows(
    q,
    'delivery',
    {
      id: 'uuid',
      linkage_id: 'uuid',
      delivered_on: 'date',
      quantity: 'numeric',
      note: 'text',
      recorded_by: 'uuid',
      recorded_at: 'timestamptz',
    },
    deliveries,
  );
  // Unread alerts for the demo cooperative: the demo business's needs that match its products.
  if (managerId) {
    const alerts = demoNeeds.slice(0, ownCount).map((n, i) => ({
      id: rng.uuid(),
      user_id: managerId,
      kind: 'NEED_MATCH',
      need_id: n.id,
      score: 70 + i * 5,
      created_at: n.created_at,
    }));
    await insertRows(
      q,
      'notification',
      { id: 'uuid', user_id: 'uuid', kind: 'text', need_id: 'uuid', score: 'numeric', created_at: 'timestamptz' },
      alerts,
    );
  }
  const joint = await seedJointOffer(q, rng, {
    need: ownCount ? demoNeeds[ownCount - 1] : undefined,
    lead: longHiep,
    partner: coops.find((c) => c.id !== longHiep)?.id,
    today,
    managerId,
    repId,
    at,
  });
  return { needs: needs.length, linkages: linkages.length + joint };
}

/**
 * One joint offer in negotiation: Long Hiệp leads, a second cooperative
 * takes the rest, and their shares add up to exactly the need's quantity.
 * It draws from the stream last, so everything seeded before it stays as it was.
 */
async function seedJointOffer(
  q: Queryable,
  rng: Random,
  o: {
    need: Row | undefined;
    lead: string;
    partner: string | undefined;
    today: string;
    managerId: string | null;
    repId: string | null;
    at: (day: string, hour?: number) => string;
  },
): Promise<number> {
  if (!o.need || !o.partner) return 0;
  const id = rng.uuid();
  const quantity = Number(o.need.quantity);
  const leadShare = Math.ceil(quantity * 0.6);
  const start = addDays(o.today, -12);
  const path = PATHS.NEGOTIATING;
  await insertRows(q, 'linkage', LINKAGE_COLUMNS, [
    {
      id,
      need_id: o.need.id,
      cooperative_id: o.lead,
      proposed_by: 'RESPONDER',
      status: 'NEGOTIATING',
      created_by: o.managerId,
      created_at: o.at(start),
      updated_at: o.at(addDays(start, (path.length - 1) * 2)),
    },
  ]);
  await insertRows(q, 'linkage_share', { linkage_id: 'uuid', cooperative_id: 'uuid', quantity: 'numeric' }, [
    { linkage_id: id, cooperative_id: o.lead, quantity: leadShare },
    { linkage_id: id, cooperative_id: o.partner, quantity: quantity - leadShare },
  ]);
  await insertRows(
    q,
    'linkage_event',
    LINKAGE_EVENT_COLUMNS,
    path.map((to, s) => ({
      linkage_id: id,
      from_status: s === 0 ? null : path[s - 1],
      to_status: to,
      // The demo cooperative proposes and opens the negotiation; the demo buyer accepts.
      actor_id: to === 'ACCEPTED' ? o.repId : o.managerId,
      at: o.at(addDays(start, s * 2), 9 + s),
    })),
  );
  return 1;
}

function rootCategory(code: string): string {
  return code.split('.')[0]!;
}
