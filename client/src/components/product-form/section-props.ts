import type { FieldErrors } from '../../apollo/errors';
import type { ProductDraft } from './draft';

export interface SectionProps {
  draft: ProductDraft;
  /** A function patch reads the latest draft, for changes that land after an await. */
  update: (patch: Partial<ProductDraft> | ((draft: ProductDraft) => Partial<ProductDraft>)) => void;
  errors: FieldErrors;
}
