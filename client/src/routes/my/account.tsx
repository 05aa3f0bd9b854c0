import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import type { FieldErrors } from '../../apollo/errors';
import { errorCodeOf } from '../../apollo/errors';
import { requireSignedIn } from '../../app/guards';
import { notify } from '../../app/toast';
import { deviceName } from '../../components/account/device-name';
import { ErrorNotice } from '../../components/ErrorNotice';
import { controlProps, Field } from '../../components/form/Field';
import { PageSkeleton } from '../../components/Skeleton';
import { formatDateTime } from '../../i18n/format';
import { useChangePasswordMutation, useRevokeSessionMutation, useSignOutOtherSessionsMutation } from '../../mutations/useAccountMutations';
import type { Failure } from '../../mutations/outcome';

const AccountSessionsDocument = graphql(`
  query AccountSessions {
    me {
      id
      displayName
      email
    }
    mySessions {
      id
      current
      userAgent
      ip
      signedInAt
      lastActiveAt
    }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSignedIn(request);
  return null;
}

/** The signed-in person's own account: where it is signed in, and its password. */
export function Component() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(AccountSessionsDocument, { fetchPolicy: 'cache-and-network' });

  return (
    <section className="page narrow account-page">
      <title>{`${t('account.title')} · CoopLink`}</title>
      <h1>{t('account.title')}</h1>
      {data?.me && (
        <p className="muted">
          {data.me.displayName} · {data.me.email}
        </p>
      )}
      <section className="section" aria-labelledby="devices-title">
        <h2 id="devices-title">{t('account.devices.title')}</h2>
        <p className="muted">{t('account.devices.lead')}</p>
        {error && !data ? (
          <ErrorNotice code={errorCodeOf(error)}>
            <button type="button" className="button button-secondary" onClick={() => void refetch()}>
              {t('errors.retry')}
            </button>
          </ErrorNotice>
        ) : loading && !data ? (
          <PageSkeleton />
        ) : (
          <DeviceList sessions={data?.mySessions ?? []} />
        )}
      </section>
      <ChangePassword />
    </section>
  );
}

interface SessionRow {
  id: string;
  current: boolean;
  userAgent?: string | null;
  ip?: string | null;
  signedInAt: string;
  lastActiveAt: string;
}

function DeviceList({ sessions }: { sessions: SessionRow[] }) {
  const { t } = useTranslation();
  const [revoke, { loading: revoking }] = useRevokeSessionMutation();
  const [signOutOthers, { loading: signingOut }] = useSignOutOtherSessionsMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const others = sessions.filter((s) => !s.current);

  async function endOne(id: string): Promise<void> {
    const outcome = await revoke(id);
    setFailure(outcome.ok ? null : outcome);
    if (outcome.ok) notify('account.devices.signedOutOne');
  }

  async function endOthers(): Promise<void> {
    if (!window.confirm(t('account.devices.confirmAll', { count: others.length }))) return;
    const outcome = await signOutOthers();
    setFailure(outcome.ok ? null : outcome);
    if (outcome.ok) notify('account.devices.signedOutAll', { count: outcome.data });
  }

  return (
    <>
      {failure && <ErrorNotice code={failure.code} />}
      <ul className="plain-list device-list" data-testid="device-list">
        {sessions.map((s) => (
          <li key={s.id} className="device" data-testid={s.current ? 'device-current' : 'device-other'}>
            <div>
              <strong>
                <DeviceLabel userAgent={s.userAgent} />
              </strong>
              {s.current && <span className="badge badge-verified"> {t('account.devices.thisDevice')}</span>}
              <p className="muted small">
                {t('account.devices.signedIn', { when: formatDateTime(s.signedInAt) })} ·{' '}
                {t('account.devices.lastActive', { when: formatDateTime(s.lastActiveAt) })}
                {s.ip ? ` · ${s.ip}` : ''}
              </p>
            </div>
            {!s.current && (
              <button type="button" className="button button-secondary" disabled={revoking} onClick={() => void endOne(s.id)}>
                {t('account.devices.signOut')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <button
          type="button"
          className="button button-secondary"
          data-testid="sign-out-others"
          disabled={signingOut}
          onClick={() => void endOthers()}
        >
          {t('account.devices.signOutAll')}
        </button>
      ) : (
        <p className="muted small">{t('account.devices.onlyThis')}</p>
      )}
    </>
  );
}

function DeviceLabel({ userAgent }: { userAgent: string | null | undefined }) {
  const { t } = useTranslation();
  const { browser, system } = deviceName(userAgent);
  if (browser && system) return <>{t('account.devices.browserOn', { browser, system })}</>;
  return <>{browser ?? system ?? t('account.devices.unknown')}</>;
}

function ChangePassword() {
  const { t } = useTranslation();
  const [change, { loading }] = useChangePasswordMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [waitSeconds, setWaitSeconds] = useState(0);
  const submitting = useRef(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = setTimeout(() => setWaitSeconds((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [waitSeconds]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting.current || waitSeconds > 0) return;
    const data = new FormData(event.currentTarget);
    const next = String(data.get('newPassword') ?? '');
    const local: FieldErrors = {};
    if (next.length < 10) local['newPassword'] = 'passwordTooShort';
    else if (next !== String(data.get('confirmPassword') ?? '')) local['confirmPassword'] = 'passwordMismatch';
    setFields(local);
    if (Object.keys(local).length) return;
    submitting.current = true;
    try {
      const outcome = await change(String(data.get('currentPassword') ?? ''), next);
      if (outcome.ok) {
        setFailure(null);
        setFields({});
        form.current?.reset();
        notify('account.password.changed', { count: outcome.data.signedOutSessions });
        return;
      }
      setFailure(outcome);
      setFields(outcome.fields);
      if (outcome.code === 'RATE_LIMITED') setWaitSeconds(outcome.retryAfterSeconds ?? 60);
    } finally {
      submitting.current = false;
    }
  }

  return (
    <section className="section" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password.title')}</h2>
      <p className="muted">{t('account.password.lead')}</p>
      {failure &&
        (failure.code === 'RATE_LIMITED' ? (
          <div className="notice notice-error" role="alert">
            <p>{waitSeconds > 0 ? t('login.retryIn', { count: waitSeconds }) : t('errors.RATE_LIMITED')}</p>
          </div>
        ) : failure.code === 'INVALID_CREDENTIALS' ? (
          <div className="notice notice-error" role="alert">
            <p>{t('account.password.wrongCurrent')}</p>
          </div>
        ) : (
          <ErrorNotice code={failure.code} />
        ))}
      <form className="form" ref={form} onSubmit={(e) => void submit(e)} data-testid="change-password">
        <Field id="current-password" label={t('account.password.current')} error={fields['currentPassword']} required>
          <input
            {...controlProps('current-password', fields['currentPassword'])}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
          />
        </Field>
        <Field id="new-password" label={t('account.password.new')} error={fields['newPassword']} hint={t('register.passwordHint')} required>
          <input
            {...controlProps('new-password', fields['newPassword'], t('register.passwordHint'))}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={200}
          />
        </Field>
        <Field id="confirm-password" label={t('account.password.confirm')} error={fields['confirmPassword']} required>
          <input
            {...controlProps('confirm-password', fields['confirmPassword'])}
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={200}
          />
        </Field>
        <button type="submit" className="button" disabled={loading || waitSeconds > 0}>
          {loading ? t('account.password.saving') : t('account.password.submit')}
        </button>
      </form>
    </section>
  );
}
