/** GS1 check digit: weights 3 and 1 alternating from the right, excluding the check digit itself. */
export function isValidGtin(gtin: string): boolean {
  if (!/^[0-9]{14}$/.test(gtin)) return false;
  const digits = [...gtin].map(Number);
  const check = digits.pop()!;
  const sum = digits.reverse().reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/** Completes 13 digits with their check digit. */
export function withCheckDigit(first13: string): string {
  const sum = [...first13]
    .map(Number)
    .reverse()
    .reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
  return `${first13}${(10 - (sum % 10)) % 10}`;
}
