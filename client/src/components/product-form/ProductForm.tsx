import type { FragmentType } from '@cooplink/schema/graphql';
import { getFragmentData, graphql } from '@cooplink/schema/graphql';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../apollo/errors';
import type { Failure } from '../../mutations/outcome';
import { focusFirstError } from '../form/validate';
import type { BasicsSection_categories } from './BasicsSection';
import { BasicsSection } from './BasicsSection';
import { CertificationsSection } from './CertificationsSection';
import type { ProductDraft } from './draft';
import { draftFromProduct, emptyDraft, FIELD_ORDER, validateDraft } from './draft';
import { ImagesSection } from './ImagesSection';
import type { OcopBrandSection_cooperative } from './OcopBrandSection';
import { OcopBrandSection } from './OcopBrandSection';
import type { SectionProps } from './section-props';
import { TradeSection } from './TradeSection';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';

export const ProductForm_product = graphql(`
  fragment ProductForm_product on Product {
    id
    nameVi
    nameEn
    descriptionVi
    descriptionEn
    category {
      code
    }
    unit
    priceMin
    priceMax
    minOrder
    capacityPerMonth
    availableMonths
    packaging
    ocopStars
    ocopYear
    brand {
      id
    }
    certifications {
      id
      scheme
      number
      issuer
      issuedOn
      expiresOn
    }
    images {
      id
      url
    }
  }
`);

/** Draft keys whose input path differs from their name. */
const FIELD_OF_DRAFT_KEY: Record<string, string> = {
  brandName: 'brand.name',
  brandKind: 'brand.kind',
  brandRegistration: 'brand.registrationNumber',
  images: 'imageUploadIds',
};

interface ProductFormProps {
  product?: FragmentType<typeof ProductForm_product>;
  cooperative: FragmentType<typeof OcopBrandSection_cooperative>;
  categories: readonly FragmentType<typeof BasicsSection_categories>[];
  submitLabel: string;
  /** Resolves to null on success, or to the failure to show. */
  onSubmit: (draft: ProductDraft, initial: ProductDraft) => Promise<Failure | null>;
  onReload?: () => void;
  onDirtyChange?: (dirty: boolean) => void;
}

export function ProductForm(props: ProductFormProps) {
  const { t } = useTranslation();
  const [initial, setInitial] = useState<ProductDraft>(() =>
    props.product ? draftFromProduct(getFragmentData(ProductForm_product, props.product)) : emptyDraft(),
  );
  const [draft, setDraft] = useState<ProductDraft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const [uploading, setUploading] = useState(false);
  const submitting = useRef(false);
  const notice = useRef<HTMLDivElement>(null);

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const { onDirtyChange } = props;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useUnsavedChangesGuard(dirty && !saving);

  const update: SectionProps['update'] = (patch) => {
    setDraft((d) => ({ ...d, ...(typeof patch === 'function' ? patch(d) : patch) }));
    if (typeof patch === 'function') return;
    // An edited field loses its error message straight away.
    const touched = Object.keys(patch).map((key) => FIELD_OF_DRAFT_KEY[key] ?? key);
    setErrors((current) => {
      const kept = Object.entries(current).filter(([path]) => !touched.some((t) => path === t || path.startsWith(`${t}.`)));
      return kept.length === Object.keys(current).length ? current : Object.fromEntries(kept);
    });
  };

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting.current || uploading) return;
    const local = validateDraft(draft, new Date().getFullYear());
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) {
      focusFirstError(local, FIELD_ORDER);
      return;
    }
    submitting.current = true;
    setSaving(true);
    try {
      const result = await props.onSubmit(draft, initial);
      if (!result) {
        setInitial(draft);
        return;
      }
      setFailure(result);
      setErrors(result.fields);
      if (Object.keys(result.fields).length > 0) focusFirstError(result.fields, FIELD_ORDER);
      else notice.current?.scrollIntoView({ block: 'center' });
    } finally {
      submitting.current = false;
      setSaving(false);
    }
  }

  const sectionProps = { draft, update, errors };
  const fieldCount = failure ? Object.keys(failure.fields).length : 0;

  return (
    <form className="form product-form" data-testid="product-form" onSubmit={(e) => void submit(e)} noValidate>
      <div ref={notice}>
        {failure?.code === 'VERSION_CONFLICT' ? (
          <div className="notice notice-error" role="alert">
            <p>{t('productForm.versionConflict')}</p>
            {props.onReload && (
              <button type="button" className="button button-secondary" onClick={props.onReload}>
                {t('productForm.reload')}
              </button>
            )}
          </div>
        ) : failure ? (
          <div className="notice notice-error" role="alert">
            <p>{fieldCount > 0 ? t('productForm.fixFields', { count: fieldCount }) : t(`errors.${failure.code}`)}</p>
          </div>
        ) : null}
      </div>

      <BasicsSection {...sectionProps} categories={props.categories} />
      <ImagesSection {...sectionProps} onUploading={setUploading} />
      <TradeSection {...sectionProps} />
      <OcopBrandSection {...sectionProps} cooperative={props.cooperative} />
      <CertificationsSection {...sectionProps} />

      <div className="form-actions sticky-actions">
        {dirty && <span className="muted small">{t('productForm.unsaved')}</span>}
        <button type="submit" className="button" disabled={saving || uploading} data-testid="save-product">
          {saving ? t('productForm.saving') : props.submitLabel}
        </button>
      </div>
    </form>
  );
}
