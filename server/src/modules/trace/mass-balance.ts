/** A quantity of one lot in a transformation. */
export interface LotQuantity {
  quantity: number;
  unit: string;
}

export interface MassBalanceExcess {
  unit: string;
  inputs: number;
  outputs: number;
}

/**
 * Mass balance of a transformation: for every unit that appears on both
 * sides, the outputs may not weigh more than the inputs. Units that appear on
 * one side only (kilograms of coconut in, litres of nectar out) cannot be
 * compared and are not judged. Returns the units in excess, empty when it
 * balances. Sums are rounded to a milligram to keep float dust out.
 */
export function massBalanceExcess(inputs: readonly LotQuantity[], outputs: readonly LotQuantity[]): MassBalanceExcess[] {
  const sum = (items: readonly LotQuantity[]) => {
    const m = new Map<string, number>();
    for (const i of items) m.set(i.unit, (m.get(i.unit) ?? 0) + i.quantity);
    return m;
  };
  const ins = sum(inputs);
  const outs = sum(outputs);
  const excess: MassBalanceExcess[] = [];
  for (const [unit, out] of outs) {
    const inp = ins.get(unit);
    if (inp === undefined) continue;
    if (Math.round(out * 1e6) > Math.round(inp * 1e6)) excess.push({ unit, inputs: inp, outputs: out });
  }
  return excess.sort((a, b) => a.unit.localeCompare(b.unit));
}
