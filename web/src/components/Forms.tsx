// Accessible form parts: labelled fields whose hint and error are tied to the control (aria-describedby),
// a problem box for the server's answer, and a hook that checks, sends and moves focus to the first error.
import { useCallback, useEffect, useId, useState, type FormHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { type ApiError, toApiError } from '../api.ts';
import { fieldOfPath, firstError, hasErrors, MIN_PASSWORD, type FieldErrors } from '../lib/forms.ts';

/** Moves focus to an element by id after the next render (when it exists). */
export function useFocusLater(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string; n: number } | null>(null);
  useEffect(() => {
    if (!target) return;
    const el = document.getElementById(target.id);
    if (el) {
      el.focus();
      if (el instanceof HTMLInputElement && el.type !== 'checkbox' && el.type !== 'radio') el.select();
    }
  }, [target]);
  return useCallback((id: string) => setTarget((t) => ({ id, n: (t?.n ?? 0) + 1 })), []);
}

export interface FormState {
  errors: FieldErrors;
  problem: ApiError | null;
  busy: boolean;
  /** The id of a field's control: `${prefix}-${name}`. */
  id(field: string): string;
  /** The id of the problem box, which takes focus when the server refuses without naming a field. */
  problemId: string;
  /** Shows `clientErrors` (focusing the first), or runs `action` and shows what the server says if it fails. */
  run(clientErrors: FieldErrors, action: () => Promise<void>): Promise<void>;
  reset(): void;
  /** For the form's onInput: a field's error goes away once the person edits that field. */
  onInput(e: { target: EventTarget }): void;
}

/** `fields` lists the form's fields in screen order (it decides which error takes focus). */
export function useFormState(fields: readonly string[]): FormState {
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const focusLater = useFocusLater();
  const id = useCallback((field: string) => `f${prefix}-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`, [prefix]);
  const problemId = `f${prefix}-problem`;

  const run = async (clientErrors: FieldErrors, action: () => Promise<void>) => {
    if (busy) return;
    setProblem(null);
    if (hasErrors(clientErrors)) {
      setErrors(clientErrors);
      focusLater(id(firstError(clientErrors, fields)!));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await action();
    } catch (e) {
      const err = toApiError(e);
      const mapped: FieldErrors = {};
      for (const x of err.errors) {
        const f = fieldOfPath(x.path, fields);
        if (f && !mapped[f]) mapped[f] = x.message;
      }
      setErrors(mapped);
      setProblem(err);
      focusLater(hasErrors(mapped) ? id(firstError(mapped, fields)!) : problemId);
    } finally {
      setBusy(false);
    }
  };

  const reset = useCallback(() => {
    setErrors({});
    setProblem(null);
  }, []);

  const onInput = (e: { target: EventTarget }) => {
    const target = e.target instanceof HTMLElement ? e.target.id : '';
    const field = fields.find((f) => id(f) === target);
    if (field && errors[field]) {
      setErrors((prev) => {
        const next = { ...prev };
        delete next[field];
        return next;
      });
    }
  };

  return { errors, problem, busy, id, problemId, run, reset, onInput };
}

/** The server's refusal, above the form; focusable so that it is read out when it appears. */
export function ProblemBox({ id, problem, title, children }: { id: string; problem: ApiError | null; title?: string; children?: ReactNode }) {
  if (!problem) return null;
  const wait = problem.retryAfter ? Math.ceil(problem.retryAfter / 60) : null;
  return (
    <div id={id} className="form-problem" role="alert" tabIndex={-1}>
      <p className="form-problem-title">{title ?? (problem.status === 0 ? problem.title : problemTitle(problem))}</p>
      {problem.detail && <p>{problem.detail}</p>}
      {wait !== null && !/minute/.test(problem.detail) && <p>Try again in {wait === 1 ? 'a minute' : `${wait} minutes`}.</p>}
      {children}
    </div>
  );
}

function problemTitle(p: ApiError): string {
  switch (p.status) {
    case 400:
      return 'Please check the form';
    case 401:
      return 'Not signed in';
    case 403:
      return 'Not allowed';
    case 404:
      return 'Not found';
    case 409:
      return 'Already there';
    case 429:
      return 'Too many attempts';
    default:
      return p.title;
  }
}

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  className?: string;
  children: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}

/** Label, hint, error and the control, wired together. */
export function FieldFrame({ id, label, hint, error, optional, className, children }: FieldFrameProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`form-field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="form-label">
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="form-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  value: string;
  onValue: (v: string) => void;
  fieldClassName?: string;
};

export function TextField({ id, label, hint, error, optional, value, onValue, fieldClassName, ...input }: InputProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional ?? false} {...(fieldClassName ? { className: fieldClassName } : {})}>
      {(aria) => <input className="form-input" type="text" {...input} {...aria} value={value} onChange={(e) => onValue(e.target.value)} />}
    </FieldFrame>
  );
}

/** A password field with a "Show" toggle (people mistype long passphrases). */
export function PasswordField(props: Omit<InputProps, 'type'>) {
  const [shown, setShown] = useState(false);
  const { id, label, hint, error, optional, value, onValue, fieldClassName, ...input } = props;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional ?? false} {...(fieldClassName ? { className: fieldClassName } : {})}>
      {(aria) => (
        <div className="password-row">
          <input className="form-input" {...input} {...aria} type={shown ? 'text' : 'password'} value={value} onChange={(e) => onValue(e.target.value)} />
          <button type="button" className="button-secondary button-small" aria-pressed={shown} aria-controls={id} onClick={() => setShown((s) => !s)}>
            {shown ? 'Hide' : 'Show'}
            <span className="visually-hidden"> password</span>
          </button>
        </div>
      )}
    </FieldFrame>
  );
}

/** An e-mail address: the e-mail keyboard on phones and no spell-check. */
export function EmailField(props: Omit<InputProps, 'label' | 'type' | 'inputMode' | 'spellCheck'>) {
  return <TextField label="E-mail address" type="email" inputMode="email" spellCheck={false} {...props} />;
}

/** A password being chosen, with the rule it must meet. */
export function NewPasswordField(props: Omit<InputProps, 'type' | 'autoComplete' | 'hint'>) {
  return (
    <PasswordField autoComplete="new-password" hint={`At least ${MIN_PASSWORD} characters. A few unrelated words make a strong password that is easy to type.`} {...props} />
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange' | 'value'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  value: string;
  onValue: (v: string) => void;
  children: ReactNode;
};

export function SelectField({ id, label, hint, error, optional, value, onValue, children, ...select }: SelectProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional ?? false}>
      {(aria) => (
        <select className="form-input" {...select} {...aria} value={value} onChange={(e) => onValue(e.target.value)}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

/** A form checked in script rather than by the browser, whose field errors clear as the person edits. */
export function CheckedForm({ form, onSubmit, children, ...attrs }: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'onInput' | 'noValidate'> & { form: FormState; onSubmit: () => void }) {
  return (
    <form
      noValidate
      {...attrs}
      onInput={form.onInput}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

export function SubmitButton({ busy, children, busyLabel }: { busy: boolean; children: ReactNode; busyLabel?: string }) {
  return (
    <button type="submit" className="button" aria-disabled={busy || undefined}>
      {busy ? (busyLabel ?? 'Working…') : children}
    </button>
  );
}

/** A file chooser that hands over the chosen file and clears itself, so choosing the same file again works. */
export function FileInput({ id, accept, onFile }: { id: string; accept: string; onFile: (file: File) => void }) {
  return (
    <input
      id={id}
      type="file"
      accept={accept}
      className="file-input"
      onChange={(e) => {
        const f = e.target.files?.[0];
        if (f) onFile(f);
        e.target.value = '';
      }}
    />
  );
}
