import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { FieldErrors } from '../apollo/errors';
import { homeFor } from '../app/guards';
import { ErrorNotice } from '../components/ErrorNotice';
import { controlProps, Field } from '../components/form/Field';
import { fieldId, focusFirstError } from '../components/form/validate';
import { BusinessFields } from '../components/register/BusinessFields';
import { CooperativeFields } from '../components/register/CooperativeFields';
import type { OrganisationChoice } from '../components/register/register-input';
import { duplicateFieldPath, registrationInput, validateRegistration } from '../components/register/register-input';
import { currentLanguage } from '../i18n';
import type { Failure } from '../mutations/outcome';
import { useRegisterMutation } from '../mutations/useRegisterMutation';

const CHOICES: readonly OrganisationChoice[] = ['none', 'cooperative', 'business'];

export function Component() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const initial = CHOICES.find((c) => c === search.get('as')) ?? 'none';
  const [choice, setChoice] = useState<OrganisationChoice>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [register, { loading }] = useRegisterMutation();
  const submitting = useRef(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (submitting.current) return;
    const form = new FormData(event.currentTarget);
    const local = validateRegistration(form, choice);
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) {
      focusFirstError(local);
      return;
    }
    submitting.current = true;
    try {
      const outcome = await register(registrationInput(form, choice, currentLanguage(i18n.language)));
      if (outcome.ok) {
        await navigate(homeFor(outcome.data.roles), { replace: true });
        return;
      }
      const fields: FieldErrors = { ...outcome.fields };
      if (outcome.code === 'DUPLICATE') fields[duplicateFieldPath(outcome.field, choice)] = 'duplicate';
      setErrors(fields);
      setFailure(outcome);
      focusFirstError(fields);
    } finally {
      submitting.current = false;
    }
  }

  const input = (path: string, hint?: string) => controlProps(fieldId(path), errors[path], hint);

  // A corrected field drops its message at once instead of waiting for the next submit.
  function clearError(target: EventTarget): void {
    if (!(target instanceof HTMLElement)) return;
    const path = target.getAttribute('name') ?? target.dataset['field'];
    if (path && errors[path]) setErrors(({ [path]: _fixed, ...rest }) => rest);
  }

  return (
    <section className="page narrow auth-page">
      <title>{`${t('register.title')} · CoopLink`}</title>
      <h1>{t('register.title')}</h1>
      <p className="muted">{t('register.lead')}</p>
      {failure && failure.code !== 'EMAIL_TAKEN' && failure.code !== 'DUPLICATE' && <ErrorNotice code={failure.code} />}

      <form className="form" onSubmit={(e) => void submit(e)} onChange={(e) => clearError(e.target)} noValidate>
        <h2 className="form-section-title">{t('register.account')}</h2>
        <Field id={fieldId('displayName')} label={t('register.displayName')} error={errors['displayName']} required>
          <input {...input('displayName')} name="displayName" autoComplete="name" />
        </Field>
        <Field id={fieldId('email')} label={t('register.email')} error={errors['email']} required>
          <input {...input('email')} name="email" type="email" autoComplete="email" inputMode="email" />
        </Field>
        <Field
          id={fieldId('password')}
          label={t('register.password')}
          error={errors['password']}
          hint={t('register.passwordHint')}
          required
        >
          <input {...input('password', t('register.passwordHint'))} name="password" type="password" autoComplete="new-password" />
        </Field>
        <Field id={fieldId('phone')} label={t('register.phone')} error={errors['phone']}>
          <input {...input('phone')} name="phone" type="tel" autoComplete="tel" inputMode="tel" />
        </Field>

        <fieldset className="field org-choice">
          <legend className="form-section-title">{t('register.organisation')}</legend>
          <div className="segmented">
            {CHOICES.map((c) => (
              <label key={c} className={choice === c ? 'segment segment-on' : 'segment'}>
                <input type="radio" name="organisationKind" value={c} checked={choice === c} onChange={() => setChoice(c)} />
                {t(`register.choice.${c}`)}
              </label>
            ))}
          </div>
          <p className="hint">{t(`register.choiceHint.${choice}`)}</p>
        </fieldset>

        {choice === 'cooperative' && <CooperativeFields errors={errors} />}
        {choice === 'business' && <BusinessFields errors={errors} />}

        <button type="submit" className="button button-block" disabled={loading}>
          {loading ? t('register.submitting') : t('register.submit')}
        </button>
      </form>
      <p className="form-footer">
        {t('register.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </p>
    </section>
  );
}
