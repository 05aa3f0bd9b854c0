import type { EntityManager } from 'typeorm';

export interface LineageLot {
  lotId: string;
  code: string;
  productId: string;
  cooperativeId: string;
  depth: number;
}

/**
 * One step back and one step forward, recursively (GS1 Global Traceability
 * Standard): upstream are the inputs of transformations that produced the
 * lot, downstream the outputs of transformations that consumed it. Depth is
 * bounded so a malformed cycle cannot run away.
 */
export async function lineage(em: EntityManager, lotId: string, direction: 'UP' | 'DOWN'): Promise<LineageLot[]> {
  const [from, to] = direction === 'UP' ? ['OUTPUT', 'INPUT'] : ['INPUT', 'OUTPUT'];
  const rows: { lot_id: string; code: string; product_id: string; cooperative_id: string; depth: number }[] = await em.query(
    `WITH RECURSIVE walk(lot_id, depth, path) AS (
       SELECT $1::uuid, 0, ARRAY[$1::uuid]
       UNION ALL
       SELECT other.lot_id, w.depth + 1, w.path || other.lot_id
         FROM walk w
         JOIN trace_event_lot self ON self.lot_id = w.lot_id AND self.role = $2
         JOIN trace_event_lot other ON other.event_id = self.event_id AND other.role = $3
        WHERE w.depth < 20 AND NOT other.lot_id = ANY(w.path)
     )
     SELECT l.id AS lot_id, l.code, l.product_id, l.cooperative_id, min(w.depth)::int AS depth
       FROM walk w JOIN lot l ON l.id = w.lot_id
      WHERE w.depth > 0
      GROUP BY l.id ORDER BY depth, l.code`,
    [lotId, from, to],
  );
  return rows.map((r) => ({ lotId: r.lot_id, code: r.code, productId: r.product_id, cooperativeId: r.cooperative_id, depth: r.depth }));
}

export interface Receipt {
  businessId: string;
  businessName: string;
  lotId: string;
  eventId: string;
  eventTime: Date;
}

/** Businesses that received any of the lots through a recorded shipping or transaction event. */
export async function receipts(em: EntityManager, lotIds: string[]): Promise<Receipt[]> {
  const rows: { business_id: string; name: string; lot_id: string; event_id: string; event_time: Date }[] = await em.query(
    `SELECT b.id AS business_id, b.name, el.lot_id, e.id AS event_id, e.event_time
       FROM trace_event e
       JOIN trace_event_lot el ON el.event_id = e.id
       JOIN business b ON b.id = e.destination_business_id
      WHERE el.lot_id = ANY($1::uuid[]) AND e.destination_business_id IS NOT NULL
      ORDER BY e.event_time`,
    [lotIds],
  );
  return rows.map((r) => ({
    businessId: r.business_id,
    businessName: r.name,
    lotId: r.lot_id,
    eventId: r.event_id,
    eventTime: r.event_time,
  }));
}

/** Every event that names the lot, in the order it happened: its own chain and transformations that consumed it. */
export async function eventIdsOfLot(em: EntityManager, lotId: string): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT DISTINCT e.id, e.event_time, e.record_time FROM trace_event e
       LEFT JOIN trace_event_lot el ON el.event_id = e.id
      WHERE e.chain_lot_id = $1 OR el.lot_id = $1
      ORDER BY e.event_time, e.record_time`,
    [lotId],
  );
  return rows.map((r) => r.id);
}
