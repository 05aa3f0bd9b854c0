import type { FieldErrors } from '../../apollo/errors';
import type { ProductDraft } from './draft';

export interface SectionProps {
  draft: ProductDraft;
  update: (patch: Partial<ProductDraft>) => void;
  errors: FieldErrors;
}
