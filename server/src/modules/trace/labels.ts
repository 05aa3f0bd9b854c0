import type { Lot } from './trace.entity';

/**
 * The path a lot's label points at. With a GTIN it is a GS1 Digital Link
 * (`/01/<GTIN-14>/10/<lot>`), which any GS1 resolver understands; without
 * one it is the short `/t/<lot>`. Both resolve to the same page.
 */
export function lotPublicPath(lot: Pick<Lot, 'code' | 'gtin'>): string {
  return lot.gtin ? `/01/${lot.gtin}/10/${encodeURIComponent(lot.code)}` : `/t/${encodeURIComponent(lot.code)}`;
}
