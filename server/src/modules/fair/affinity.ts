/**
 * How promising a meeting between two participants looks from what each side is, in [0, 1]:
 * the fallback of the meeting score (meeting-scores.ts) where a company has posted no open need
 * that concerns the cooperative it would meet.
 *
 * The idea is the one buyers use at a linkage conference: a processor wants what it can process,
 * a retailer wants finished, certified goods, an input supplier wants growers. So the score is
 * the best fit between what the cooperative shows (product categories) and what the business
 * is (its kinds), plus small credits for a verified partner and OCOP-starred products.
 */
export interface AffinityParty {
  kind: 'COOPERATIVE' | 'BUSINESS';
  /** Top-level categories of the products it shows (cooperatives) — e.g. "fruit", "processed". */
  categories: readonly string[];
  /** Business kinds (PROCESSOR, EXPORTER…); empty for cooperatives. */
  businessKinds: readonly string[];
  verified: boolean;
  /** Highest OCOP star rating among the products shown; 0 when none. */
  ocopStars: number;
}

/** How well a business kind fits a top-level category, 0..1. */
const FIT: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  PROCESSOR: { fruit: 1, grain: 1, vegetable: 0.8, seafood: 1, livestock: 0.8, salt: 0.7, processed: 0.5, handicraft: 0.2 },
  EXPORTER: { fruit: 0.9, grain: 1, seafood: 1, processed: 0.9, handicraft: 0.8, salt: 0.5, vegetable: 0.5, livestock: 0.3 },
  DISTRIBUTOR: { processed: 1, fruit: 0.8, grain: 0.8, vegetable: 0.8, livestock: 0.7, seafood: 0.7, salt: 0.7, handicraft: 0.6 },
  RETAILER: { processed: 1, handicraft: 0.9, fruit: 0.7, grain: 0.7, vegetable: 0.6, seafood: 0.5, salt: 0.5, livestock: 0.4 },
  // Input suppliers sell to growers, so every farming cooperative is a customer.
  INPUT_SUPPLIER: { fruit: 0.8, grain: 0.9, vegetable: 0.8, seafood: 0.7, livestock: 0.8, salt: 0.5, processed: 0.3, handicraft: 0.2 },
  LOGISTICS: { fruit: 0.6, grain: 0.6, seafood: 0.6, processed: 0.6, vegetable: 0.5, livestock: 0.4, salt: 0.4, handicraft: 0.4 },
};

/** Two cooperatives or two businesses can still trade, but that is not what the event is for. */
const SAME_SIDE = 0.25;

export function affinityScore(a: AffinityParty, b: AffinityParty): number {
  if (a.kind === b.kind) return SAME_SIDE;
  const coop = a.kind === 'COOPERATIVE' ? a : b;
  const biz = a.kind === 'COOPERATIVE' ? b : a;
  let fit = 0;
  for (const k of biz.businessKinds) for (const c of coop.categories) fit = Math.max(fit, FIT[k]?.[c] ?? 0);
  // Nothing shown yet still deserves a little: the cooperative is there in person.
  if (coop.categories.length === 0) fit = 0.3;
  const trust = (coop.verified ? 0.05 : 0) + (biz.verified ? 0.05 : 0);
  const ocop = Math.min(5, Math.max(0, coop.ocopStars)) * 0.02;
  return Math.round(Math.min(1, 0.8 * fit + trust + ocop) * 1000) / 1000;
}
