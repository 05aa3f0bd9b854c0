import type { EventDetails } from './trace.entity';
import { DISPOSITIONS, OWN_VOCAB, STEPS, type TraceDisposition, type TraceStep } from './vocab';

/** What the mapping needs to know about a lot. */
export interface EpcisLot {
  id: string;
  code: string;
  gtin: string | null;
}

/** A stored event, as the mapping reads it. */
export interface EpcisSourceEvent {
  id: string;
  chainLotId: string;
  seq: number;
  cooperativeId: string;
  type: 'OBJECT' | 'TRANSFORMATION' | 'AGGREGATION' | 'TRANSACTION';
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  eventTime: Date;
  eventTimeZoneOffset: string;
  recordTime: Date;
  bizStep: TraceStep;
  disposition: TraceDisposition | null;
  areaCode: string | null;
  place: string | null;
  destinationBusinessId: string | null;
  correctsEventId: string | null;
  details: EventDetails;
  prevHash: string | null;
  hash: string;
}

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const TYPE_NAMES = {
  OBJECT: 'ObjectEvent',
  TRANSFORMATION: 'TransformationEvent',
  AGGREGATION: 'AggregationEvent',
  TRANSACTION: 'TransactionEvent',
} as const;

/**
 * The class-level identifier of a lot. With a GTIN it is GS1's canonical
 * Digital Link URI (GTIN + lot, AI 01 and 10); without one, the lot's own
 * public page, which is a stable HTTP URI under our domain.
 */
export function lotEpcClass(lot: EpcisLot, baseUrl: string): string {
  return lot.gtin ? `https://id.gs1.org/01/${lot.gtin}/10/${encodeURIComponent(lot.code)}` : `${baseUrl}/t/${encodeURIComponent(lot.code)}`;
}

const eventUri = (id: string) => `urn:uuid:${id}`;

/**
 * Maps stored events to an EPCIS 2.0 JSON-LD document. An event that a later
 * one corrects carries an `errorDeclaration` naming the correction, which is
 * how EPCIS 2.0 marks an erroneous event without changing what was recorded.
 * CoopLink's own fields (notes, farm inputs, hashes) travel under the `cl:`
 * prefix declared in the context.
 */
export function toEpcisDocument(opts: {
  documentId: string;
  createdAt: Date;
  baseUrl: string;
  events: readonly EpcisSourceEvent[];
  lots: ReadonlyMap<string, EpcisLot>;
}): Record<string, unknown> {
  const { baseUrl, lots } = opts;
  const correctedBy = new Map<string, EpcisSourceEvent>();
  for (const e of opts.events) if (e.correctsEventId && !correctedBy.has(e.correctsEventId)) correctedBy.set(e.correctsEventId, e);
  const ordered = [...opts.events].sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime() || a.seq - b.seq);
  const quantity = (l: EventDetails['lots'][number]) => {
    const lot = lots.get(l.lotId);
    if (!lot) throw new Error(`lot ${l.lotId} missing from the export`);
    return {
      epcClass: lotEpcClass(lot, baseUrl),
      ...(l.quantity !== null ? { quantity: l.quantity } : {}),
      ...(l.quantity !== null && l.unit ? { uom: l.unit } : {}),
    };
  };
  const eventList = ordered.map((e) => {
    const subjects = e.details.lots.filter((l) => l.role === 'SUBJECT').map(quantity);
    const out: Record<string, unknown> = {
      type: TYPE_NAMES[e.type],
      eventID: eventUri(e.id),
      eventTime: e.eventTime.toISOString(),
      eventTimeZoneOffset: e.eventTimeZoneOffset,
      recordTime: e.recordTime.toISOString(),
    };
    const fix = correctedBy.get(e.id);
    if (fix)
      out.errorDeclaration = {
        declarationTime: fix.recordTime.toISOString(),
        reason: 'incorrect_data',
        correctiveEventIDs: [eventUri(fix.id)],
      };
    switch (e.type) {
      case 'OBJECT':
        out.quantityList = subjects;
        out.action = e.action ?? 'OBSERVE';
        break;
      case 'AGGREGATION':
        out.parentID = `${lotEpcClass(lots.get(e.chainLotId)!, baseUrl)}#package-${e.seq}`;
        out.childQuantityList = subjects;
        out.action = e.action ?? 'ADD';
        break;
      case 'TRANSACTION':
        out.quantityList = subjects;
        out.action = e.action ?? 'ADD';
        break;
      case 'TRANSFORMATION':
        out.inputQuantityList = e.details.lots.filter((l) => l.role === 'INPUT').map(quantity);
        out.outputQuantityList = e.details.lots.filter((l) => l.role === 'OUTPUT').map(quantity);
        out.transformationID = `urn:uuid:${e.id}`;
        break;
    }
    out.bizStep = STEPS[e.bizStep];
    if (e.disposition) out.disposition = DISPOSITIONS[e.disposition];
    if (e.areaCode) out.readPoint = { id: `${OWN_VOCAB}area/${e.areaCode}` };
    out.bizLocation = { id: `${OWN_VOCAB}cooperative/${e.cooperativeId}` };
    if (e.details.bizTransaction || e.type === 'TRANSACTION')
      out.bizTransactionList = [
        { type: 'inv', bizTransaction: `${OWN_VOCAB}biztx/${encodeURIComponent(e.details.bizTransaction ?? e.id)}` },
      ];
    if (e.destinationBusinessId) {
      out.sourceList = [{ type: 'owning_party', source: `${OWN_VOCAB}cooperative/${e.cooperativeId}` }];
      out.destinationList = [{ type: 'owning_party', destination: `${OWN_VOCAB}business/${e.destinationBusinessId}` }];
    }
    if (e.place) out['cl:place'] = e.place;
    if (e.details.notes) out['cl:notes'] = e.details.notes;
    if (e.details.farmInput)
      out['cl:farmInput'] = {
        'cl:product': e.details.farmInput.product,
        'cl:dose': e.details.farmInput.dose,
        'cl:doseUnit': e.details.farmInput.doseUnit,
      };
    if (e.details.massBalanceReason) out['cl:massBalanceReason'] = e.details.massBalanceReason;
    if (e.correctsEventId) {
      out['cl:corrects'] = eventUri(e.correctsEventId);
      if (e.details.correctionReason) out['cl:correctionReason'] = e.details.correctionReason;
    }
    out['cl:hash'] = e.hash;
    if (e.prevHash) out['cl:prevHash'] = e.prevHash;
    return out;
  });
  return {
    '@context': [EPCIS_CONTEXT, { cl: OWN_VOCAB }],
    id: `urn:uuid:${opts.documentId}`,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: opts.createdAt.toISOString(),
    epcisBody: { eventList },
  };
}
