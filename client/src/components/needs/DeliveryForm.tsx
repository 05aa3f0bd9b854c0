import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, ValidationKey } from '../../apollo/error-codes';
import type { FieldErrors } from '../../apollo/errors';
import { useRecordDeliveryMutation } from '../../mutations/useRecordDeliveryMutation';
import { ErrorNotice } from '../ErrorNotice';
import { Field, controlProps } from '../form/Field';

/** Today in Vietnam, the calendar deliveries are recorded by. */
export function todayInVietnam(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
}

/** One delivery against the agreement: the day it arrived, how much, and a note. The first one starts delivering. */
export function DeliveryForm({ linkageId }: { linkageId: string }) {
  const { t } = useTranslation();
  const [record, { loading }] = useRecordDeliveryMutation();
  const today = todayInVietnam();
  const [deliveredOn, setDeliveredOn] = useState(today);
  const [quantity, setQuantity] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const err = (path: string): ValidationKey | undefined => errors[`input.${path}`];

  return (
    <form
      className="card form-section"
      data-testid="delivery-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const qty = Number(quantity.replace(',', '.'));
        const found: FieldErrors = {};
        if (!(qty > 0)) found['input.quantity'] = 'isPositive';
        if (!deliveredOn) found['input.deliveredOn'] = 'required';
        else if (deliveredOn > today) found['input.deliveredOn'] = 'max';
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        const r = await record({ linkageId, deliveredOn, quantity: qty, note: note.trim() || null });
        if (r.ok) {
          setQuantity('');
          setNote('');
          setProblem(null);
          return;
        }
        setErrors(r.fields);
        setProblem(r.code);
      }}
    >
      <h2>{t('needs.deliveryForm.title')}</h2>
      {problem && <ErrorNotice code={problem} />}
      <Field id="delivery-date" label={t('needs.deliveryForm.date')} error={err('deliveredOn')} required>
        <input
          {...controlProps('delivery-date', err('deliveredOn'))}
          type="date"
          max={today}
          value={deliveredOn}
          onChange={(e) => setDeliveredOn(e.target.value)}
        />
      </Field>
      <Field id="delivery-quantity" label={t('needs.quantityLabel')} error={err('quantity')} required>
        <input
          {...controlProps('delivery-quantity', err('quantity'))}
          inputMode="decimal"
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      </Field>
      <Field id="delivery-note" label={t('needs.deliveryForm.note')} error={err('note')}>
        <input {...controlProps('delivery-note', err('note'))} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <button type="submit" className="button" disabled={loading}>
        {t('needs.deliveryForm.submit')}
      </button>
    </form>
  );
}
