import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, ValidationKey } from '../../apollo/error-codes';
import type { FieldErrors } from '../../apollo/errors';
import { formatVnd, parseVndInput } from '../../i18n/format';
import { useAgreeLinkageMutation } from '../../mutations/useAgreeLinkageMutation';
import { ErrorNotice } from '../ErrorNotice';
import { Field, controlProps } from '../form/Field';
import { uploadDocument } from '../product-form/upload';
import { UNITS, isKnownUnit, unitKey } from '../units';

interface AgreementFormProps {
  linkageId: string;
  /** The need's quantity and unit, offered as the starting point (none for a linkage opened at a fair). */
  quantity: number | null;
  unit: string | null;
}

/** Total value the server will record: quantity × unit price, rounded to whole đồng. */
export function agreementTotal(quantity: number, unitPrice: number): number {
  return Math.round(quantity * unitPrice);
}

/**
 * The MoU or contract the two sides reached: quantity, unit, price per unit,
 * term and a photo or scan of the signed paper. The total is shown as it is
 * typed, so both sides see the value the province will count.
 */
export function AgreementForm({ linkageId, quantity: needQuantity, unit: needUnit }: AgreementFormProps) {
  const { t } = useTranslation();
  const [agree, { loading }] = useAgreeLinkageMutation();
  const [quantity, setQuantity] = useState(needQuantity === null ? '' : String(needQuantity));
  const [unit, setUnit] = useState(needUnit && isKnownUnit(needUnit) ? needUnit : 'KGM');
  const [price, setPrice] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [signed, setSigned] = useState<{ id: string; url: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ErrorCode | null>(null);

  const qty = Number(quantity.replace(',', '.'));
  const unitPrice = parseVndInput(price);
  const total = qty > 0 && unitPrice !== null ? agreementTotal(qty, unitPrice) : null;
  const err = (path: string): ValidationKey | undefined => errors[`input.${path}`];

  function check(): FieldErrors {
    const found: FieldErrors = {};
    if (!(qty > 0)) found['input.quantity'] = 'isPositive';
    if (unitPrice === null) found['input.unitPrice'] = 'required';
    else if (total !== null && !Number.isSafeInteger(total)) found['input.unitPrice'] = 'max';
    if (!startsOn) found['input.startsOn'] = 'required';
    if (!endsOn) found['input.endsOn'] = 'required';
    else if (startsOn && endsOn < startsOn) found['input.endsOn'] = 'dateRange';
    return found;
  }

  async function attach(file: File | undefined) {
    if (!file) return;
    setUploading(true);
    const r = await uploadDocument(file);
    setUploading(false);
    if (r.ok) {
      setSigned({ id: r.id, url: r.url });
      setProblem(null);
    } else setProblem(r.code);
  }

  return (
    <form
      className="card form-section"
      data-testid="agreement-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const found = check();
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        const r = await agree({
          id: linkageId,
          quantity: qty,
          unit,
          unitPrice: unitPrice!,
          startsOn,
          endsOn,
          documentUploadId: signed?.id ?? null,
        });
        if (r.ok) return;
        setErrors(r.fields);
        setProblem(r.code);
      }}
    >
      <h2>{t('needs.agreementForm.title')}</h2>
      <p className="muted">{t('needs.agreementForm.hint')}</p>
      {problem && <ErrorNotice code={problem} />}
      <Field id="agreement-quantity" label={t('needs.quantityLabel')} error={err('quantity')} required>
        <input
          {...controlProps('agreement-quantity', err('quantity'))}
          inputMode="decimal"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      </Field>
      <Field id="agreement-unit" label={t('needs.unitLabel')} error={err('unit')} required>
        <select {...controlProps('agreement-unit', err('unit'))} value={unit} onChange={(e) => setUnit(e.target.value as typeof unit)}>
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {t(unitKey(u))}
            </option>
          ))}
        </select>
      </Field>
      <Field id="agreement-price" label={t('needs.agreementForm.unitPrice')} error={err('unitPrice')} required>
        <input
          {...controlProps('agreement-price', err('unitPrice'))}
          inputMode="numeric"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
        />
      </Field>
      <Field id="agreement-starts" label={t('needs.agreementForm.startsOn')} error={err('startsOn')} required>
        <input
          {...controlProps('agreement-starts', err('startsOn'))}
          type="date"
          value={startsOn}
          onChange={(e) => setStartsOn(e.target.value)}
        />
      </Field>
      <Field id="agreement-ends" label={t('needs.agreementForm.endsOn')} error={err('endsOn')} required>
        <input
          {...controlProps('agreement-ends', err('endsOn'))}
          type="date"
          value={endsOn}
          min={startsOn || undefined}
          onChange={(e) => setEndsOn(e.target.value)}
        />
      </Field>
      <p className="agreement-total" data-testid="agreement-total" aria-live="polite">
        {t('needs.agreementForm.total')}: <strong>{total !== null && Number.isSafeInteger(total) ? formatVnd(total) : '—'}</strong>
      </p>
      <Field
        id="agreement-document"
        label={t('needs.agreementForm.document')}
        error={err('documentUploadId')}
        hint={t('needs.agreementForm.documentHint')}
      >
        <input
          {...controlProps('agreement-document', err('documentUploadId'), t('needs.agreementForm.documentHint'))}
          type="file"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          disabled={uploading}
          onChange={(e) => void attach(e.target.files?.[0])}
        />
      </Field>
      {uploading && <p className="muted">{t('needs.agreementForm.uploading')}</p>}
      {signed && (
        <p data-testid="agreement-document-attached">
          <a href={signed.url} target="_blank" rel="noreferrer">
            {t('needs.agreementForm.attached')}
          </a>
        </p>
      )}
      <button type="submit" className="button" disabled={loading || uploading}>
        {t('needs.agreementForm.submit')}
      </button>
    </form>
  );
}
