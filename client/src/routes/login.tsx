import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { FieldErrors } from '../apollo/errors';
import { ErrorNotice } from '../components/ErrorNotice';
import { controlProps, Field, safeNext } from '../components/form/Field';
import { homeFor } from '../app/guards';
import { useLoginMutation } from '../mutations/useLoginMutation';
import type { Failure } from '../mutations/outcome';

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [login, { loading }] = useLoginMutation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [waitSeconds, setWaitSeconds] = useState(0);
  const submitting = useRef(false);

  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = setTimeout(() => setWaitSeconds((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [waitSeconds]);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting.current || waitSeconds > 0) return;
    const form = new FormData(event.currentTarget);
    submitting.current = true;
    try {
      const outcome = await login(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
      if (outcome.ok) {
        await navigate(safeNext(search.get('next')) ?? homeFor(outcome.data.roles), { replace: true });
        return;
      }
      setFailure(outcome);
      setFields(outcome.fields);
      if (outcome.code === 'RATE_LIMITED') setWaitSeconds(outcome.retryAfterSeconds ?? 30);
    } finally {
      submitting.current = false;
    }
  }

  const blocked = loading || waitSeconds > 0;

  return (
    <section className="page narrow auth-page">
      <title>{`${t('login.title')} · CoopLink`}</title>
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('login.lead')}</p>

      {failure &&
        (failure.code === 'RATE_LIMITED' ? (
          <div className="notice notice-error" role="alert">
            <p>{waitSeconds > 0 ? t('login.retryIn', { count: waitSeconds }) : t('errors.RATE_LIMITED')}</p>
          </div>
        ) : (
          <ErrorNotice code={failure.code} />
        ))}

      <form className="form" onSubmit={(e) => void submit(e)} noValidate={false}>
        <Field id="login-email" label={t('login.email')} error={fields['email']} required>
          <input
            {...controlProps('login-email', fields['email'])}
            data-testid="login-email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
          />
        </Field>
        <Field id="login-password" label={t('login.password')} error={fields['password']} required>
          <input
            {...controlProps('login-password', fields['password'])}
            data-testid="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </Field>
        <button type="submit" className="button button-block" data-testid="login-submit" disabled={blocked}>
          {loading ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="form-footer">
        {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
      </p>
    </section>
  );
}
