import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { inTransaction } from '../../common/context';
import { assertUuid, badInput, notFound } from '../../common/errors';
import { assertCooperativeMember } from '../../common/ownership';
import { eventHash, verifyChain } from './chain';
import { eventContent } from './event-content';
import { insertEvent } from './event-store';
import { checkQuantity, checkUnit } from './lot.service';
import { massBalanceExcess } from './mass-balance';
import { MassBalanceError } from './trace.errors';
import type { RecordTraceEventInput } from './trace.inputs';
import { Lot, TraceEvent, TraceEventTypeEnum, type EventDetails, type LotIntegrity } from './trace.entity';
import { INPUT_STEPS } from './vocab';

/** Clocks on phones drift; an event more than ten minutes ahead of the server is a mistake. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
const EARLIEST = Date.UTC(2000, 0, 1);

export class TraceEventService {
  /**
   * Appends an event to its lot's hash chain. Every lot it names must belong
   * to a cooperative the caller manages. The lot row is locked so that two
   * events for one lot take turns; the database's insert trigger checks the
   * link again.
   */
  async record(ctx: RequestContext, input: RecordTraceEventInput): Promise<TraceEvent | MassBalanceError> {
    const lots = await this.loadLots(ctx, input);
    const chainLot = lots.get(input.lotId)!;
    for (const lot of new Set([...lots.values()].map((l) => l.cooperativeId))) await assertCooperativeMember(ctx, lot);
    const details = await this.buildDetails(ctx, input, lots);
    if (input.type === TraceEventTypeEnum.TRANSFORMATION && !input.massBalanceReason?.trim()) {
      const excess = massBalanceExcess(input.inputs ?? [], input.outputs ?? []);
      if (excess.length) return MassBalanceError.of(excess);
    }
    return inTransaction(ctx, async (tx) => {
      await tx.em.query(`SELECT id FROM lot WHERE id = $1 FOR UPDATE`, [chainLot.id]);
      const last: { seq: number; hash: string }[] = await tx.em.query(
        `SELECT seq, hash FROM trace_event WHERE chain_lot_id = $1 ORDER BY seq DESC LIMIT 1`,
        [chainLot.id],
      );
      const event: Omit<TraceEvent, 'hash' | 'prevHash'> = {
        id: randomUUID(),
        chainLotId: chainLot.id,
        seq: (last[0]?.seq ?? 0) + 1,
        cooperativeId: chainLot.cooperativeId,
        type: input.type,
        action: input.type === TraceEventTypeEnum.TRANSFORMATION ? null : (input.action ?? null),
        eventTime: new Date(input.eventTime.getTime()),
        eventTimeZoneOffset: input.eventTimeZoneOffset ?? '+07:00',
        recordTime: new Date(),
        bizStep: input.bizStep,
        disposition: input.disposition ?? null,
        areaCode: input.areaCode ?? chainLot.areaCode,
        place: input.place?.trim() || null,
        destinationBusinessId: input.destinationBusinessId ?? null,
        correctsEventId: input.correctsEventId ?? null,
        details,
        createdBy: ctx.user?.id ?? null,
      };
      const prevHash = last[0]?.hash ?? null;
      const hash = eventHash(prevHash, eventContent(event));
      await insertEvent(tx.em, { ...event, prevHash, hash });
      return tx.em.getRepository(TraceEvent).findOneByOrFail({ id: event.id });
    });
  }

  /** Recomputes the chain of a lot from the stored rows and reports the first break. */
  async integrity(ctx: RequestContext, code: string): Promise<LotIntegrity> {
    const lot = await ctx.services.lots.byCode(ctx, code);
    if (!lot) throw notFound('Lot');
    return lotIntegrity(ctx.em, lot.id);
  }

  private async loadLots(ctx: RequestContext, input: RecordTraceEventInput): Promise<Map<string, Lot>> {
    const ids = new Set<string>([assertUuid(input.lotId, 'input.lotId')]);
    (input.inputs ?? []).forEach((l, i) => ids.add(assertUuid(l.lotId, `input.inputs.${i}.lotId`)));
    (input.outputs ?? []).forEach((l, i) => ids.add(assertUuid(l.lotId, `input.outputs.${i}.lotId`)));
    const rows = await ctx.em.getRepository(Lot).find({ where: [...ids].map((id) => ({ id })) });
    const byId = new Map(rows.map((l) => [l.id, l]));
    if (!byId.has(input.lotId)) throw notFound('Lot');
    for (const id of ids) if (!byId.has(id)) throw badInput('input', 'One of the lots does not exist.', ['lot']);
    return byId;
  }

  /** Checks the input against the event's type and turns it into what is stored and hashed. */
  private async buildDetails(ctx: RequestContext, input: RecordTraceEventInput, lots: Map<string, Lot>): Promise<EventDetails> {
    const t = input.eventTime.getTime();
    if (!Number.isFinite(t) || t > Date.now() + FUTURE_TOLERANCE_MS || t < EARLIEST)
      throw badInput('input.eventTime', 'The event time must not be in the future.', ['eventTime']);
    if (input.eventTimeZoneOffset && !/^[+-]((0\d|1[0-3]):[0-5]\d|14:00)$/.test(input.eventTimeZoneOffset))
      throw badInput('input.eventTimeZoneOffset', 'Write the offset as +07:00.', ['timezone']);
    checkQuantity('input.quantity', input.quantity);
    checkUnit('input.unit', input.unit);
    const details: EventDetails = { lots: [] };
    if (input.type === TraceEventTypeEnum.TRANSFORMATION) {
      if (!input.inputs?.length) throw badInput('input.inputs', 'A transformation needs its input lots.', ['inputs']);
      if (!input.outputs?.length) throw badInput('input.outputs', 'A transformation needs its output lots.', ['outputs']);
      if (!input.outputs.some((o) => o.lotId === input.lotId))
        throw badInput('input.lotId', 'Record a transformation on one of its output lots.', ['chain']);
      for (const [side, items] of [
        ['inputs', input.inputs],
        ['outputs', input.outputs],
      ] as const) {
        items.forEach((l, i) => {
          checkQuantity(`input.${side}.${i}.quantity`, l.quantity);
          checkUnit(`input.${side}.${i}.unit`, l.unit);
          const lot = lots.get(l.lotId)!;
          if (l.unit === lot.unit && l.quantity > lot.quantity)
            throw badInput(`input.${side}.${i}.quantity`, 'More than the lot holds.', ['quantity']);
          details.lots.push({ lotId: l.lotId, role: side === 'inputs' ? 'INPUT' : 'OUTPUT', quantity: l.quantity, unit: l.unit });
        });
      }
      const both = input.inputs.filter((i) => input.outputs!.some((o) => o.lotId === i.lotId));
      if (both.length) throw badInput('input.outputs', 'A lot cannot be both input and output.', ['lineage']);
    } else {
      if (input.inputs?.length || input.outputs?.length)
        throw badInput('input.inputs', 'Only transformations have inputs and outputs.', ['type']);
      if (!input.action) throw badInput('input.action', 'Choose ADD, OBSERVE or DELETE.', ['action']);
      const lot = lots.get(input.lotId)!;
      if (input.quantity !== null && input.quantity !== undefined && (input.unit ?? lot.unit) === lot.unit && input.quantity > lot.quantity)
        throw badInput('input.quantity', 'More than the lot holds.', ['quantity']);
      details.lots.push({
        lotId: lot.id,
        role: 'SUBJECT',
        quantity: input.quantity ?? null,
        unit: input.quantity ? (input.unit ?? lot.unit) : null,
      });
    }
    if (input.type === TraceEventTypeEnum.TRANSACTION && !input.bizTransaction?.trim())
      throw badInput('input.bizTransaction', 'A transaction event needs the invoice or contract number.', ['bizTransaction']);
    if (INPUT_STEPS.includes(input.bizStep)) {
      const f = input.farmInput;
      if (!f?.product.trim()) throw badInput('input.farmInput.product', 'Name the product applied.', ['farmInput']);
      if (!Number.isFinite(f.dose) || f.dose <= 0 || f.dose > 100_000) throw badInput('input.farmInput.dose', 'Enter the dose.', ['dose']);
      if (!/^[A-Z0-9]{2,3}(\/[A-Z0-9]{2,3})?$/.test(f.doseUnit))
        throw badInput('input.farmInput.doseUnit', 'Choose a dose unit.', ['unit']);
      details.farmInput = { product: f.product.trim(), dose: f.dose, doseUnit: f.doseUnit };
    }
    if (input.notes?.trim()) details.notes = input.notes.trim().slice(0, 2000);
    if (input.bizTransaction?.trim()) details.bizTransaction = input.bizTransaction.trim();
    if (input.massBalanceReason?.trim()) details.massBalanceReason = input.massBalanceReason.trim();
    if (input.photoUploadIds?.length) {
      const ids = [...new Set(input.photoUploadIds.map((id, i) => assertUuid(id, `input.photoUploadIds.${i}`)))];
      const owned: unknown[] = await ctx.em.query(
        `SELECT id FROM upload WHERE id = ANY($1::uuid[]) AND owner_id = $2 AND mime_type LIKE 'image/%'`,
        [ids, ctx.user?.id],
      );
      if (owned.length !== ids.length) throw badInput('input.photoUploadIds', 'Upload the photos first.', ['upload']);
      details.photoUploadIds = ids;
    }
    if (input.destinationBusinessId) {
      const found: unknown[] = await ctx.em.query(`SELECT 1 FROM business WHERE id = $1`, [
        assertUuid(input.destinationBusinessId, 'input.destinationBusinessId'),
      ]);
      if (!found.length) throw badInput('input.destinationBusinessId', 'Choose a registered business.', ['business']);
    }
    if (input.correctsEventId) {
      const found: unknown[] = await ctx.em.query(`SELECT 1 FROM trace_event_lot WHERE event_id = $1 AND lot_id = $2`, [
        assertUuid(input.correctsEventId, 'input.correctsEventId'),
        input.lotId,
      ]);
      if (!found.length) throw badInput('input.correctsEventId', 'Correct an event of this lot.', ['corrects']);
      if (!input.correctionReason?.trim()) throw badInput('input.correctionReason', 'Say what was wrong.', ['reason']);
      details.correctionReason = input.correctionReason.trim();
    }
    return details;
  }
}

/** The chain check on stored rows, in seq order. */
export async function lotIntegrity(em: EntityManager, lotId: string): Promise<LotIntegrity> {
  const events = await em.getRepository(TraceEvent).find({ where: { chainLotId: lotId }, order: { seq: 'ASC' } });
  const verdict = verifyChain(events.map((e) => ({ id: e.id, prevHash: e.prevHash, hash: e.hash, content: eventContent(e) })));
  return { valid: verdict.valid, checkedEvents: verdict.checked, firstBrokenEventId: verdict.firstBrokenId };
}
