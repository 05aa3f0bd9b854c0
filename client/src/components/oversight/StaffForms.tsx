import type { CooperativeStatus } from '@cooplink/schema/types';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, controlProps } from '../form/Field';
import { ErrorNotice } from '../ErrorNotice';
import type { Failure } from '../../mutations/outcome';
import { useRecordRatingMutation } from '../../mutations/useRecordRatingMutation';
import { useRecordStatusChangeMutation } from '../../mutations/useRecordStatusChangeMutation';

// The steps the registry allows from each status; the server checks them again.
const NEXT: Record<CooperativeStatus, CooperativeStatus[]> = {
  OPERATING: ['SUSPENDED', 'DISSOLVING'],
  SUSPENDED: ['OPERATING', 'DISSOLVING'],
  DISSOLVING: ['DISSOLVED', 'OPERATING'],
  DISSOLVED: [],
};

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

export function StatusForm({ cooperativeId, current }: { cooperativeId: string; current: CooperativeStatus }) {
  const { t } = useTranslation();
  const [record, { loading }] = useRecordStatusChangeMutation();
  const options = NEXT[current];
  const [status, setStatus] = useState<CooperativeStatus | ''>(options[0] ?? '');
  const [changedOn, setChangedOn] = useState(today());
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  if (options.length === 0) return null;

  async function onSubmit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (loading || !status) return;
    const outcome = await record({ cooperativeId, status, changedOn, reason });
    setFailure(outcome.ok ? null : outcome);
    if (outcome.ok) setReason('');
  }

  return (
    <form className="card form-card" onSubmit={onSubmit} data-testid="status-form">
      <h3>{t('oversight.staff.recordStatus')}</h3>
      {failure && <ErrorNotice code={failure.code} />}
      <Field id="status-to" label={t('oversight.staff.newStatus')} required>
        <select {...controlProps('status-to', undefined)} value={status} onChange={(e) => setStatus(e.target.value as CooperativeStatus)}>
          {options.map((s) => (
            <option key={s} value={s}>
              {t(`enums.cooperativeStatus.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="status-date" label={t('oversight.staff.changedOn')} error={failure?.fields['input.changedOn']} required>
        <input
          type="date"
          {...controlProps('status-date', failure?.fields['input.changedOn'])}
          max={today()}
          value={changedOn}
          onChange={(e) => setChangedOn(e.target.value)}
          required
        />
      </Field>
      <Field id="status-reason" label={t('oversight.staff.reason')} error={failure?.fields['input.reason']} required>
        <textarea
          {...controlProps('status-reason', failure?.fields['input.reason'])}
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
          required
        />
      </Field>
      <button type="submit" className="button" disabled={loading}>
        {loading ? t('common.loading') : t('oversight.staff.save')}
      </button>
    </form>
  );
}

export function RatingForm({ cooperativeId }: { cooperativeId: string }) {
  const { t } = useTranslation();
  const [record, { loading }] = useRecordRatingMutation();
  const [year, setYear] = useState(String(Number(today().slice(0, 4)) - 1));
  const [score, setScore] = useState('');
  const [notes, setNotes] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);

  async function onSubmit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (loading) return;
    const value = score.trim() === '' ? null : Number(score.replace(',', '.'));
    if (value !== null && !Number.isFinite(value)) {
      setFailure({ ok: false, code: 'BAD_USER_INPUT', fields: { 'input.score': 'invalid' } });
      return;
    }
    const outcome = await record({ cooperativeId, year: Number(year), score: value, notes });
    setFailure(outcome.ok ? null : outcome);
  }

  return (
    <form className="card form-card" onSubmit={onSubmit} data-testid="rating-form">
      <h3>{t('oversight.staff.recordRating')}</h3>
      <p className="muted">{t('oversight.staff.ratingHint')}</p>
      {failure && <ErrorNotice code={failure.code} />}
      <Field id="rating-year" label={t('oversight.year')} error={failure?.fields['input.year']} required>
        <input
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          {...controlProps('rating-year', failure?.fields['input.year'])}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          required
        />
      </Field>
      <Field id="rating-score" label={t('oversight.staff.score')} error={failure?.fields['input.score']}>
        <input
          type="text"
          inputMode="decimal"
          {...controlProps('rating-score', failure?.fields['input.score'])}
          value={score}
          onChange={(e) => setScore(e.target.value)}
        />
      </Field>
      <Field id="rating-notes" label={t('oversight.staff.notes')} error={failure?.fields['input.notes']}>
        <textarea
          {...controlProps('rating-notes', failure?.fields['input.notes'])}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </Field>
      <button type="submit" className="button" disabled={loading}>
        {loading ? t('common.loading') : t('oversight.staff.save')}
      </button>
    </form>
  );
}
