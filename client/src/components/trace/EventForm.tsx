import type { TraceStep } from '@cooplink/schema/types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../apollo/error-codes';
import { useRecordTraceEventMutation } from '../../mutations/useRecordTraceEventMutation';
import { ErrorNotice } from '../ErrorNotice';
import { uploadImage } from '../product-form/upload';

/** The usual steps, one tap each; fertiliser and spraying also ask for the product and dose. */
export const PRESETS: { step: TraceStep; action: 'ADD' | 'OBSERVE'; disposition?: 'ACTIVE' | 'IN_TRANSIT' | 'CONFORMANT' }[] = [
  { step: 'PLANTING', action: 'ADD' },
  { step: 'FERTILISING', action: 'OBSERVE' },
  { step: 'SPRAYING', action: 'OBSERVE' },
  { step: 'HARVESTING', action: 'ADD', disposition: 'ACTIVE' },
  { step: 'INSPECTING', action: 'OBSERVE', disposition: 'CONFORMANT' },
  { step: 'PACKING', action: 'OBSERVE', disposition: 'ACTIVE' },
  { step: 'SHIPPING', action: 'OBSERVE', disposition: 'IN_TRANSIT' },
];

function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

export function EventForm({ lotId, unit, onDone }: { lotId: string; unit: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [record, { loading }] = useRecordTraceEventMutation();
  const [preset, setPreset] = useState(PRESETS[0]!);
  const [when, setWhen] = useState(localNow);
  const [quantity, setQuantity] = useState('');
  const [inputName, setInputName] = useState('');
  const [dose, setDose] = useState('');
  const [doseUnit, setDoseUnit] = useState('KGM/HAR');
  const [notes, setNotes] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const needsInput = preset.step === 'FERTILISING' || preset.step === 'SPRAYING';

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    let photoUploadIds: string[] | undefined;
    if (photo) {
      const up = await uploadImage(photo);
      if (!up.ok) return setError(up.code);
      photoUploadIds = [up.id];
    }
    const q = Number(quantity.replace(',', '.'));
    const result = await record({
      lotId,
      type: 'OBJECT',
      action: preset.action,
      bizStep: preset.step,
      disposition: preset.disposition ?? null,
      eventTime: new Date(when).toISOString(),
      quantity: quantity ? q : null,
      unit: quantity ? unit : null,
      farmInput: needsInput ? { product: inputName, dose: Number(dose.replace(',', '.')), doseUnit } : null,
      notes: notes || null,
      photoUploadIds: photoUploadIds ?? null,
    });
    if (!result.ok) return setError(result.code);
    onDone();
  }

  return (
    <form className="trace-event-form" onSubmit={submit}>
      <div className="chips" role="radiogroup" aria-label={t('trace.step')}>
        {PRESETS.map((p) => (
          <button
            key={p.step}
            type="button"
            role="radio"
            aria-checked={p.step === preset.step}
            className={`button button-small ${p.step === preset.step ? '' : 'button-secondary'}`}
            onClick={() => setPreset(p)}
          >
            {t(`trace.steps.${p.step}`)}
          </button>
        ))}
      </div>
      <label>
        {t('trace.eventTime')}
        <input type="datetime-local" required value={when} max={localNow()} onChange={(e) => setWhen(e.target.value)} />
      </label>
      {needsInput && (
        <>
          <label>
            {t('trace.inputProduct')}
            <input required value={inputName} onChange={(e) => setInputName(e.target.value)} />
          </label>
          <label>
            {t('trace.dose')}
            <span className="inline">
              <input required inputMode="decimal" value={dose} onChange={(e) => setDose(e.target.value)} />
              <select value={doseUnit} onChange={(e) => setDoseUnit(e.target.value)} aria-label={t('trace.doseUnit')}>
                <option value="KGM/HAR">{t('trace.doseUnits.KGM/HAR')}</option>
                <option value="LTR/HAR">{t('trace.doseUnits.LTR/HAR')}</option>
              </select>
            </span>
          </label>
        </>
      )}
      {(preset.step === 'HARVESTING' || preset.step === 'SHIPPING' || preset.step === 'PACKING') && (
        <label>
          {t('trace.quantity')} ({unit})
          <input inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </label>
      )}
      <label>
        {t('trace.notes')}
        <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <label>
        {t('trace.photo')}
        <input type="file" accept="image/*" capture="environment" onChange={(e) => setPhoto(e.target.files?.[0] ?? null)} />
      </label>
      {error && <ErrorNotice code={error} />}
      <button className="button" disabled={loading}>
        {loading ? t('common.loading') : t('trace.saveEvent')}
      </button>
    </form>
  );
}
