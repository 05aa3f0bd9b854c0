import type { TraceEvent } from './trace.entity';

/** Anything that runs SQL: an entity manager, a pg client, the seed's connection. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** Writes an event and its lot links; used by the service and by the demo generator alike. */
export async function insertEvent(em: SqlRunner, e: TraceEvent): Promise<void> {
  await em.query(
    `INSERT INTO trace_event (id, chain_lot_id, seq, cooperative_id, type, action, event_time, event_tz_offset, record_time, biz_step,
       disposition, area_code, place, destination_business_id, corrects_event_id, details, created_by, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)`,
    [
      e.id,
      e.chainLotId,
      e.seq,
      e.cooperativeId,
      e.type,
      e.action,
      e.eventTime.toISOString(),
      e.eventTimeZoneOffset,
      e.recordTime.toISOString(),
      e.bizStep,
      e.disposition,
      e.areaCode,
      e.place,
      e.destinationBusinessId,
      e.correctsEventId,
      JSON.stringify(e.details),
      e.createdBy,
      e.prevHash,
      e.hash,
    ],
  );
  await em.query(
    `INSERT INTO trace_event_lot (event_id, lot_id, role, quantity, unit)
     SELECT $1, l.lot_id, l.role, l.quantity, l.unit FROM jsonb_to_recordset($2::jsonb) AS l(lot_id uuid, role text, quantity numeric, unit text)`,
    [e.id, JSON.stringify(e.details.lots.map((l) => ({ lot_id: l.lotId, role: l.role, quantity: l.quantity, unit: l.unit })))],
  );
}
