import type { Json } from './chain';
import type { EventDetails } from './trace.entity';

/** The stored fields of an event that its hash covers: everything but the hashes themselves. */
export interface HashedEventFields {
  id: string;
  chainLotId: string;
  seq: number;
  cooperativeId: string;
  type: string;
  action: string | null;
  eventTime: Date;
  eventTimeZoneOffset: string;
  recordTime: Date;
  bizStep: string;
  disposition: string | null;
  areaCode: string | null;
  place: string | null;
  destinationBusinessId: string | null;
  correctsEventId: string | null;
  details: EventDetails;
  createdBy: string | null;
}

/**
 * The content an event's hash is computed over. Times are hashed as ISO
 * instants with milliseconds, which is what the database gives back for what
 * the service wrote, so recomputing from stored rows reproduces the hash.
 */
export function eventContent(e: HashedEventFields): Json {
  return {
    id: e.id,
    chainLotId: e.chainLotId,
    seq: e.seq,
    cooperativeId: e.cooperativeId,
    type: e.type,
    action: e.action,
    eventTime: e.eventTime.toISOString(),
    eventTimeZoneOffset: e.eventTimeZoneOffset,
    recordTime: e.recordTime.toISOString(),
    bizStep: e.bizStep,
    disposition: e.disposition,
    areaCode: e.areaCode,
    place: e.place,
    destinationBusinessId: e.destinationBusinessId,
    correctsEventId: e.correctsEventId,
    details: JSON.parse(JSON.stringify(e.details)) as Json,
    createdBy: e.createdBy,
  };
}
