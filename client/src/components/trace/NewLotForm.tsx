import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../apollo/error-codes';
import { useCreateLotMutation } from '../../mutations/useCreateLotMutation';
import { ErrorNotice } from '../ErrorNotice';

const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

export function NewLotForm({ productId, unit }: { productId: string; unit: string }) {
  const { t } = useTranslation();
  const [createLot, { loading }] = useCreateLotMutation();
  const [code, setCode] = useState('');
  const [quantity, setQuantity] = useState('');
  const [producedOn, setProducedOn] = useState(today);
  const [expiresOn, setExpiresOn] = useState('');
  const [plot, setPlot] = useState('');
  const [error, setError] = useState<ErrorCode | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const result = await createLot({
      productId,
      code: code.trim() || null,
      quantity: Number(quantity.replace(',', '.')),
      unit,
      producedOn,
      expiresOn: expiresOn || null,
      plot: plot || null,
    });
    if (!result.ok) return setError(result.code);
    setCode('');
    setQuantity('');
    setPlot('');
  }

  return (
    <form className="trace-lot-form" onSubmit={submit}>
      <label>
        {t('trace.quantity')} ({unit})
        <input required inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      </label>
      <label>
        {t('trace.producedOn')}
        <input type="date" required value={producedOn} max={today()} onChange={(e) => setProducedOn(e.target.value)} />
      </label>
      <label>
        {t('trace.expiresOn')}
        <input type="date" value={expiresOn} min={producedOn} onChange={(e) => setExpiresOn(e.target.value)} />
      </label>
      <label>
        {t('trace.plot')}
        <input value={plot} onChange={(e) => setPlot(e.target.value)} />
      </label>
      <label>
        {t('trace.code')}
        <input value={code} maxLength={20} placeholder={t('trace.codeHint')} onChange={(e) => setCode(e.target.value.toUpperCase())} />
      </label>
      {error && <ErrorNotice code={error} />}
      <button className="button" disabled={loading}>
        {loading ? t('common.loading') : t('trace.createLot')}
      </button>
    </form>
  );
}
