import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationKey } from '../../apollo/error-codes';

interface FieldProps {
  id: string;
  label: string;
  error?: ValidationKey | undefined;
  hint?: string | undefined;
  required?: boolean;
  children: ReactNode;
  className?: string;
}

/** Label, control, hint and error in one place, wired for screen readers. */
export function Field({ id, label, error, hint, required, children, className }: FieldProps) {
  const { t } = useTranslation();
  return (
    <div className={['field', error ? 'field-invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error-text">
          {t(`validation.${error}`)}
        </p>
      )}
    </div>
  );
}

/** The accessibility attributes a control inside a `Field` needs. */
export function controlProps(id: string, error: ValidationKey | undefined, hint?: string) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

/** Where to go after signing in: only paths inside this site are honoured. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}
