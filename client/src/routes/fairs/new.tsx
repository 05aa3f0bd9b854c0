import type { FairKind } from '@cooplink/schema/types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { useNavigate } from 'react-router';
import { requireRole } from '../../app/guards';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { Failure } from '../../mutations/outcome';
import { useCreateFairMutation } from '../../mutations/useCreateFairMutation';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'TRADE_STAFF', 'ADMIN');
  return null;
}

const KINDS: FairKind[] = ['LINKAGE_CONFERENCE', 'TRADE_FAIR', 'EXHIBITION', 'ONLINE_FAIR'];

/** Staff set up an event as a draft: one day, a morning and an afternoon session, like most conferences. */
export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [create, { loading }] = useCreateFairMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [form, setForm] = useState({
    name: '',
    kind: 'LINKAGE_CONFERENCE' as FairKind,
    venue: '',
    date: '',
    closes: '',
    booths: 30,
    slotMinutes: 30,
    tables: 10,
    cap: 6,
    expiryHours: 72,
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: typeof form[key] === 'number' ? Number(e.target.value) : e.target.value });

  async function submit(e: { preventDefault(): void }) {
    e.preventDefault();
    const result = await create({
      kind: form.kind,
      name: form.name,
      venue: form.venue,
      startsOn: form.date,
      endsOn: form.date,
      registrationOpensAt: new Date().toISOString(),
      registrationClosesAt: new Date(`${form.closes}T17:00:00+07:00`).toISOString(),
      boothCapacity: form.booths,
      sessions: [
        { label: t('fairs.setup.morning'), date: form.date, start: '08:00', end: '11:30' },
        { label: t('fairs.setup.afternoon'), date: form.date, start: '13:30', end: '16:30' },
      ],
      slotMinutes: form.slotMinutes,
      tableCount: form.tables,
      meetingCap: form.cap,
      requestExpiryHours: form.expiryHours,
    });
    if (result.ok) void navigate(`/fairs/${result.data.id}`);
    else setFailure(result);
  }

  return (
    <section className="page">
      <title>{`${t('fairs.setup.title')} · CoopLink`}</title>
      <h1>{t('fairs.setup.title')}</h1>
      {failure && <ErrorNotice code={failure.code} />}
      <form className="fair-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('fairs.setup.name')}
          <input required minLength={3} value={form.name} onChange={set('name')} />
        </label>
        <label>
          {t('fairs.setup.kind')}
          <select value={form.kind} onChange={set('kind')}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`fairs.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('fairs.venue')}
          <input value={form.venue} onChange={set('venue')} />
        </label>
        <label>
          {t('fairs.setup.date')}
          <input type="date" required value={form.date} onChange={set('date')} />
        </label>
        <label>
          {t('fairs.setup.closes')}
          <input type="date" required value={form.closes} onChange={set('closes')} />
        </label>
        <label>
          {t('fairs.booths')}
          <input type="number" min={0} value={form.booths} onChange={set('booths')} />
        </label>
        <label>
          {t('fairs.setup.slotMinutes')}
          <input type="number" min={10} max={120} value={form.slotMinutes} onChange={set('slotMinutes')} />
        </label>
        <label>
          {t('fairs.setup.tables')}
          <input type="number" min={0} value={form.tables} onChange={set('tables')} />
        </label>
        <label>
          {t('fairs.setup.cap')}
          <input type="number" min={1} max={64} value={form.cap} onChange={set('cap')} />
        </label>
        <label>
          {t('fairs.setup.expiry')}
          <input type="number" min={1} max={720} value={form.expiryHours} onChange={set('expiryHours')} />
        </label>
        <button type="submit" className="button" disabled={loading}>
          {t('fairs.setup.create')}
        </button>
      </form>
    </section>
  );
}
