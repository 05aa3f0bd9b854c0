import { eventHash } from '../../modules/trace/chain';
import { eventContent } from '../../modules/trace/event-content';
import { withCheckDigit } from '../../modules/trace/gtin';
import { insertEvent } from '../../modules/trace/event-store';
import type { EventDetails, TraceEvent } from '../../modules/trace/trace.entity';
import type { TraceStep } from '../../modules/trace/vocab';
import { addDays } from './dates';
import { rowsOf, type Queryable } from './queryable';
import { Random } from './random';

/** Lots the demo writes: enough to browse and to test the export on, bounded at any scale. */
export const DEMO_LOTS = 60;

interface ProductRow {
  id: string;
  cooperative_id: string;
  name_vi: string;
  unit: string;
  sector: string;
  area_code: string;
}

interface DemoLot {
  id: string;
  code: string;
  product: ProductRow;
  quantity: number;
  producedOn: string;
}

export interface TraceSummary {
  lots: number;
  events: number;
}

/**
 * Lots with their trace events for the demo province: a farming or craft
 * history for each, a raw coconut → coconut sugar transformation shipped to
 * the demo buyer, and one fertiliser entry corrected by a later event. Events
 * go through the same hashing as the service, so every demo chain verifies.
 * Only the first published products (by id) get lots, so scale 500 costs the
 * same as scale 1.
 */
export async function seedTrace(q: Queryable, opts: { seed: number; today: string; demoManagerEmail: string; demoBusinessEmail: string }) {
  // A second load (--force) keeps the first one's lots rather than clashing on their codes.
  if (rowsOf(await q.query(`SELECT 1 FROM lot LIMIT 1`)).length) return { lots: 0, events: 0 };
  const rng = Random.stream(opts.seed, 'trace');
  const ids = Random.stream(opts.seed, 'trace-ids');
  const products = rowsOf<ProductRow>(
    await q.query(
      `(SELECT p.id, p.cooperative_id, p.name_vi, p.unit, c.sector, c.area_code FROM product p JOIN cooperative c ON c.id = p.cooperative_id
         JOIN membership m ON m.cooperative_id = c.id JOIN app_user u ON u.id = m.user_id
        WHERE u.email = $1 AND p.status = 'PUBLISHED')
       UNION
       (SELECT p.id, p.cooperative_id, p.name_vi, p.unit, c.sector, c.area_code FROM product p JOIN cooperative c ON c.id = p.cooperative_id
        WHERE p.status = 'PUBLISHED' AND c.verified_at IS NOT NULL ORDER BY p.id LIMIT $2)
       ORDER BY id`,
      [opts.demoManagerEmail, DEMO_LOTS],
    ),
  );
  const coconut = rowsOf<ProductRow>(
    await q.query(
      `SELECT p.id, p.cooperative_id, p.name_vi, p.unit, c.sector, c.area_code FROM product p JOIN cooperative c ON c.id = p.cooperative_id
        WHERE p.status = 'PUBLISHED' AND p.name_vi LIKE 'Dừa khô%' AND p.unit IN ('KGM','H87') ORDER BY p.id LIMIT 1`,
    ),
  )[0];
  const sugar = rowsOf<ProductRow>(
    await q.query(
      `SELECT p.id, p.cooperative_id, p.name_vi, p.unit, c.sector, c.area_code FROM product p JOIN cooperative c ON c.id = p.cooperative_id
        WHERE p.status = 'PUBLISHED' AND p.name_vi LIKE 'Đường dừa%' ORDER BY p.id LIMIT 1`,
    ),
  )[0];
  const businesses = rowsOf<{ id: string; email: string | null }>(
    await q.query(
      `SELECT b.id, u.email FROM business b LEFT JOIN membership m ON m.business_id = b.id LEFT JOIN app_user u ON u.id = m.user_id
        ORDER BY (u.email = $1) DESC NULLS LAST, b.id LIMIT 20`,
      [opts.demoBusinessEmail],
    ),
  );
  const demoBuyer = businesses[0]?.id ?? null;
  const summary: TraceSummary = { lots: 0, events: 0 };
  const chains = new Map<string, { seq: number; hash: string | null }>();
  let serial = 0;

  const makeLot = async (product: ProductRow, producedOn: string, quantity: number): Promise<DemoLot> => {
    serial++;
    const code = `TV${producedOn.slice(2, 4)}${producedOn.slice(5, 7)}-${String(serial).padStart(3, '0')}`;
    const id = ids.uuid();
    const gtin = rng.chance(0.35) ? withCheckDigit(`0893${String(rng.int(0, 999_999_999)).padStart(9, '0')}`) : null;
    const expires = product.sector === 'AGRICULTURE' ? addDays(producedOn, rng.int(20, 365)) : null;
    await q.query(
      `INSERT INTO lot (id, code, product_id, cooperative_id, quantity, unit, produced_on, expires_on, area_code, plot, gtin)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [
        id,
        code,
        product.id,
        product.cooperative_id,
        quantity,
        product.unit,
        producedOn,
        expires,
        product.area_code,
        rng.chance(0.5) ? `Thửa ${rng.int(1, 40)}` : null,
        gtin,
      ],
    );
    summary.lots++;
    return { id, code, product, quantity, producedOn };
  };

  const addEvent = async (
    lot: DemoLot,
    day: string,
    step: TraceStep,
    extra: Partial<Pick<TraceEvent, 'type' | 'action' | 'disposition' | 'destinationBusinessId' | 'correctsEventId' | 'place'>> & {
      details?: Partial<EventDetails>;
    } = {},
  ): Promise<string> => {
    const chain = chains.get(lot.id) ?? { seq: 0, hash: null };
    const minutes = 7 * 60 + rng.int(0, 600);
    const eventTime = new Date(
      `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+07:00`,
    );
    const type = extra.type ?? ('OBJECT' as TraceEvent['type']);
    const event = {
      id: ids.uuid(),
      chainLotId: lot.id,
      seq: chain.seq + 1,
      cooperativeId: lot.product.cooperative_id,
      type,
      action: type === ('TRANSFORMATION' as TraceEvent['type']) ? null : (extra.action ?? TraceEventActionOf(step)),
      eventTime,
      eventTimeZoneOffset: '+07:00',
      recordTime: new Date(eventTime.getTime() + rng.int(2, 240) * 60_000),
      bizStep: step,
      disposition: extra.disposition ?? null,
      areaCode: lot.product.area_code,
      place: extra.place ?? null,
      destinationBusinessId: extra.destinationBusinessId ?? null,
      correctsEventId: extra.correctsEventId ?? null,
      details: { lots: [{ lotId: lot.id, role: 'SUBJECT' as const, quantity: null, unit: null }], ...extra.details },
      createdBy: null,
    };
    const hash = eventHash(chain.hash, eventContent(event));
    await insertEvent(q, { ...event, prevHash: chain.hash, hash } as TraceEvent);
    chains.set(lot.id, { seq: event.seq, hash });
    summary.events++;
    return event.id;
  };

  const subject = (lot: DemoLot, quantity: number) => ({
    lots: [{ lotId: lot.id, role: 'SUBJECT' as const, quantity, unit: lot.product.unit }],
  });
  const end = addDays(opts.today, -1);

  // Every product gets a lot with a short, plausible history.
  for (const [i, product] of products.entries()) {
    const producedOn = addDays(end, -rng.int(5, 150));
    const quantity = product.unit === 'KGM' ? rng.int(50, 5000) : rng.int(20, 2000);
    const lot = await makeLot(product, producedOn, quantity);
    if (product.sector === 'AGRICULTURE') {
      await addEvent(lot, addDays(producedOn, -rng.int(60, 120)), 'PLANTING', {
        action: 'ADD' as Action,
        details: { notes: 'Xuống giống vụ mới' },
      });
      const fertOn = addDays(producedOn, -rng.int(20, 50));
      const fert = await addEvent(lot, fertOn, 'FERTILISING', {
        details: {
          farmInput: {
            product: rng.pick(['Phân hữu cơ vi sinh Sông Gianh', 'NPK 16-16-8', 'Phân chuồng ủ hoai']),
            dose: i === 0 ? 5000 : rng.int(200, 800),
            doseUnit: 'KGM/HAR',
          },
        },
      });
      if (i === 0)
        await addEvent(lot, fertOn, 'FERTILISING', {
          correctsEventId: fert,
          details: {
            farmInput: { product: 'Phân hữu cơ vi sinh Sông Gianh', dose: 500, doseUnit: 'KGM/HAR' },
            correctionReason: 'Nhập thừa một số 0 ở liều lượng',
          },
        });
      if (rng.chance(0.5))
        await addEvent(lot, addDays(producedOn, -rng.int(7, 15)), 'SPRAYING', {
          details: {
            farmInput: { product: rng.pick(['Chế phẩm sinh học Trichoderma', 'Dầu neem']), dose: rng.int(1, 3), doseUnit: 'LTR/HAR' },
          },
        });
      await addEvent(lot, producedOn, 'HARVESTING', { action: 'ADD' as Action, disposition: 'ACTIVE', details: subject(lot, quantity) });
    } else {
      await addEvent(lot, producedOn, 'COMMISSIONING', { action: 'ADD' as Action, disposition: 'ACTIVE', details: subject(lot, quantity) });
      await addEvent(lot, addDays(producedOn, 1), 'INSPECTING', { disposition: 'CONFORMANT' });
    }
    await addEvent(lot, addDays(producedOn, rng.int(1, 3)), 'PACKING', { disposition: 'ACTIVE', place: 'Xưởng đóng gói của hợp tác xã' });
    if (rng.chance(0.3) && businesses.length) {
      const buyer = rng.pick(businesses).id;
      await addEvent(lot, addDays(producedOn, 4), 'SHIPPING', {
        type: 'TRANSACTION' as TraceEvent['type'],
        action: 'ADD' as Action,
        disposition: 'IN_TRANSIT',
        destinationBusinessId: buyer,
        details: { ...subject(lot, Math.round(quantity / 2)), bizTransaction: `HĐ-${rng.int(1000, 9999)}` },
      });
    }
  }

  // Raw coconut boiled into coconut sugar, then shipped to the demo buyer.
  if (coconut && sugar) {
    const harvested = addDays(end, -40);
    const nuts = await makeLot(coconut, harvested, 2400);
    await addEvent(nuts, addDays(harvested, -30), 'FERTILISING', {
      details: { farmInput: { product: 'Phân hữu cơ vi sinh Sông Gianh', dose: 600, doseUnit: 'KGM/HAR' } },
    });
    await addEvent(nuts, harvested, 'HARVESTING', { action: 'ADD' as Action, disposition: 'ACTIVE', details: subject(nuts, 2400) });
    await addEvent(nuts, addDays(harvested, 1), 'SHIPPING', {
      action: 'OBSERVE' as Action,
      disposition: 'IN_TRANSIT',
      place: 'Ghe chở dừa',
    });
    const sugarLot = await makeLot(sugar, addDays(harvested, 3), 300);
    await addEvent(sugarLot, addDays(harvested, 3), 'PROCESSING', {
      type: 'TRANSFORMATION' as TraceEvent['type'],
      disposition: 'ACTIVE',
      place: 'Lò nấu đường dừa',
      details: {
        lots: [
          { lotId: nuts.id, role: 'INPUT', quantity: 2400, unit: coconut.unit },
          { lotId: sugarLot.id, role: 'OUTPUT', quantity: 300, unit: sugar.unit },
        ],
        notes: 'Nấu mật hoa dừa thành đường',
      },
    });
    await addEvent(sugarLot, addDays(harvested, 4), 'INSPECTING', { disposition: 'CONFORMANT' });
    await addEvent(sugarLot, addDays(harvested, 5), 'PACKING', { disposition: 'ACTIVE' });
    await addEvent(sugarLot, addDays(harvested, 7), 'SHIPPING', {
      type: 'TRANSACTION' as TraceEvent['type'],
      action: 'ADD' as Action,
      disposition: 'IN_TRANSIT',
      destinationBusinessId: demoBuyer,
      details: { ...subject(sugarLot, 200), bizTransaction: 'HĐ-2025-0042' },
    });
  }
  return summary;
}

type Action = NonNullable<TraceEvent['action']>;

function TraceEventActionOf(step: TraceStep): Action {
  return step === 'PLANTING' || step === 'COMMISSIONING' || step === 'HARVESTING' ? ('ADD' as Action) : ('OBSERVE' as Action);
}
