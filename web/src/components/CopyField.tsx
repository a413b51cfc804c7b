// A secret shown once (invitation link, reset link, API token): read-only, selectable, with a Copy button.
import { useRef, useState, type ReactNode } from 'react';

export function CopyField({ id, label, value, testId, children }: { id: string; label: ReactNode; value: string; testId?: string; children?: ReactNode }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setStatus('Copied to the clipboard.');
    } catch {
      // Without clipboard access (an insecure origin, a refused permission) the text is selected instead.
      input.current?.focus();
      input.current?.select();
      setStatus('Selected: press Ctrl+C (or ⌘C) to copy.');
    }
  };

  return (
    <div className="copy-field">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {children && <div id={`${id}-hint`}>{children}</div>}
      <div className="copy-row">
        <input
          ref={input}
          id={id}
          className="form-input copy-value"
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.currentTarget.select()}
          {...(children ? { 'aria-describedby': `${id}-hint` } : {})}
          {...(testId ? { 'data-testid': testId } : {})}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          Copy<span className="visually-hidden"> {typeof label === 'string' ? label.toLowerCase() : ''}</span>
        </button>
      </div>
      <p className="copy-status small" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

interface SecretPanelProps {
  /** The id of the panel's heading, which takes the focus when the secret appears. */
  titleId: string;
  title: ReactNode;
  field: { id: string; label: string; value: string; testId: string };
  /** How to handle the secret, shown under the field. */
  hint: ReactNode;
  hideLabel: string;
  onHide: () => void;
  warning?: boolean;
}

/** A freshly made secret in its own region, with a button to hide it once it has been copied. */
export function SecretPanel({ titleId, title, field, hint, hideLabel, onHide, warning }: SecretPanelProps) {
  return (
    <div className={warning ? 'secret-panel secret-warning' : 'secret-panel'} role="region" aria-labelledby={titleId}>
      <h3 id={titleId} tabIndex={-1}>
        {title}
      </h3>
      <CopyField id={field.id} label={field.label} value={field.value} testId={field.testId}>
        {hint}
      </CopyField>
      <button type="button" className="link-button" onClick={onHide}>
        {hideLabel}
      </button>
    </div>
  );
}
