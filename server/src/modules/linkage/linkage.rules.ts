/**
 * The linkage lifecycle as data: who may take which step from where. A pure
 * table so the service, the client and the tests read the same rules.
 *
 * PROPOSED → ACCEPTED | DECLINED → NEGOTIATING → AGREED → DELIVERING → COMPLETED,
 * and CANCELLED from any live step.
 */
export type LinkageStatusName = 'PROPOSED' | 'ACCEPTED' | 'DECLINED' | 'NEGOTIATING' | 'AGREED' | 'DELIVERING' | 'COMPLETED' | 'CANCELLED';

/** PROPOSER and RECIPIENT are relative to who proposed; EITHER is both sides. */
export type Actor = 'PROPOSER' | 'RECIPIENT' | 'EITHER';

export const LINKAGE_STEPS: Readonly<Record<LinkageStatusName, Partial<Record<LinkageStatusName, Actor>>>> = {
  PROPOSED: { ACCEPTED: 'RECIPIENT', DECLINED: 'RECIPIENT', CANCELLED: 'PROPOSER' },
  ACCEPTED: { NEGOTIATING: 'EITHER', CANCELLED: 'EITHER' },
  NEGOTIATING: { AGREED: 'EITHER', CANCELLED: 'EITHER' },
  AGREED: { DELIVERING: 'EITHER', CANCELLED: 'EITHER' },
  DELIVERING: { COMPLETED: 'EITHER', CANCELLED: 'EITHER' },
  DECLINED: {},
  COMPLETED: {},
  CANCELLED: {},
};

/** Statuses that no longer hold a share of the need. */
export const CLOSED_LINKAGE: readonly LinkageStatusName[] = ['DECLINED', 'CANCELLED'];

export type StepCheck = 'OK' | 'INVALID' | 'NOT_YOUR_TURN';

export function checkStep(
  from: LinkageStatusName,
  to: LinkageStatusName,
  callerIsProposer: boolean,
  callerIsRecipient: boolean,
): StepCheck {
  const actor = LINKAGE_STEPS[from][to];
  if (!actor) return 'INVALID';
  if (actor === 'EITHER') return callerIsProposer || callerIsRecipient ? 'OK' : 'NOT_YOUR_TURN';
  return (actor === 'PROPOSER' ? callerIsProposer : callerIsRecipient) ? 'OK' : 'NOT_YOUR_TURN';
}

/** Total value of an agreement in whole VND: quantity × unit price, rounded half up. */
export function agreementTotal(quantity: number, unitPrice: number): number {
  return Math.round(quantity * unitPrice);
}

/** The largest contract value the platform records: it must stay exact as a JSON number. */
export const MAX_AGREEMENT_TOTAL = Number.MAX_SAFE_INTEGER;

/** Whether a delivery date is a day that has already come, by the calendar in Vietnam. */
export function deliveryDateAllowed(deliveredOn: string, now: Date): boolean {
  return deliveredOn <= now.toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
}
