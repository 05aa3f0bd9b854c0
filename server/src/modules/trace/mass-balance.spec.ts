import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { massBalanceExcess } from './mass-balance';

describe('massBalanceExcess', () => {
  it('accepts coconuts boiled down to less sugar', () => {
    expect(massBalanceExcess([{ quantity: 1000, unit: 'KGM' }], [{ quantity: 120, unit: 'KGM' }])).toEqual([]);
  });

  it('flags outputs heavier than inputs in the same unit', () => {
    expect(
      massBalanceExcess(
        [
          { quantity: 60, unit: 'KGM' },
          { quantity: 40, unit: 'KGM' },
        ],
        [{ quantity: 100.5, unit: 'KGM' }],
      ),
    ).toEqual([{ unit: 'KGM', inputs: 100, outputs: 100.5 }]);
  });

  it('does not compare different units', () => {
    expect(massBalanceExcess([{ quantity: 500, unit: 'H87' }], [{ quantity: 80, unit: 'LTR' }])).toEqual([]);
  });

  it('never flags a split of the inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 8 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        expect(
          massBalanceExcess(
            [{ quantity: total, unit: 'KGM' }],
            parts.map((quantity) => ({ quantity, unit: 'KGM' })),
          ),
        ).toEqual([]);
      }),
    );
  });
});
