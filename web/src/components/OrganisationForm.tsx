// The organisation profile form, for editing the current organisation and for starting a new one.
import { useState } from 'react';
import { ORGANISATION_KINDS, parseOrganisation, type OrganisationDraft, type OrganisationKind, type OrganisationValues } from '../lib/forms.ts';
import { CountryField } from './CountryField.tsx';
import { CheckedForm, ProblemBox, SelectField, SubmitButton, TextField, useFormState } from './Forms.tsx';

const FIELDS = ['name', 'kind', 'country', 'employees', 'turnover', 'turnoverCurrency', 'financialYearEnd'] as const;

interface Props {
  initial: OrganisationDraft;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (values: OrganisationValues) => Promise<void>;
  onCancel?: () => void;
}

export function OrganisationForm({ initial, submitLabel, busyLabel, onSubmit, onCancel }: Props) {
  const [d, setD] = useState<OrganisationDraft>(initial);
  const form = useFormState(FIELDS);
  const set = (k: keyof OrganisationDraft) => (v: string) => setD((prev) => ({ ...prev, [k]: v }));

  const submit = () => {
    const { values, errors } = parseOrganisation(d);
    void form.run(errors, async () => {
      await onSubmit(values!);
    });
  };

  return (
    <CheckedForm form={form} onSubmit={submit} className="org-form">
      <ProblemBox id={form.problemId} problem={form.problem} />
      <TextField id={form.id('name')} label="Name" autoComplete="organization" value={d.name} onValue={set('name')} error={form.errors.name} />
      <SelectField id={form.id('kind')} label="Kind of organisation" value={d.kind} onValue={(v) => setD((p) => ({ ...p, kind: v as OrganisationKind }))} error={form.errors.kind}>
        {ORGANISATION_KINDS.map((k) => (
          <option key={k.id} value={k.id}>
            {k.label}
          </option>
        ))}
      </SelectField>
      <CountryField id={form.id('country')} value={d.country} onValue={set('country')} error={form.errors.country} hint="Where it is established." />
      <fieldset className="form-section">
        <legend>Size</legend>
        <p className="form-hint">
          These figures will decide which due-diligence and reporting laws apply to the organisation, and from when: the laws set thresholds on the
          number of employees and on annual turnover or budget, counted per financial year. Leave a figure empty if you do not know it yet.
        </p>
        <TextField
          id={form.id('employees')}
          label="Employees"
          optional
          inputMode="numeric"
          hint="Head count, in whole numbers (e.g. 1200)."
          value={d.employees}
          onValue={set('employees')}
          error={form.errors.employees}
          fieldClassName="field-medium"
        />
        <div className="field-pair">
          <TextField
            id={form.id('turnover')}
            label="Annual turnover or budget"
            optional
            inputMode="decimal"
            hint="In figures, e.g. 45000000."
            value={d.turnover}
            onValue={set('turnover')}
            error={form.errors.turnover}
            fieldClassName="field-medium"
          />
          <TextField
            id={form.id('turnoverCurrency')}
            label="Currency"
            optional
            hint="ISO code: EUR, GBP, USD, …"
            maxLength={3}
            autoComplete="off"
            spellCheck={false}
            value={d.turnoverCurrency}
            onValue={(v) => set('turnoverCurrency')(v.toUpperCase())}
            error={form.errors.turnoverCurrency}
            fieldClassName="field-short"
          />
        </div>
        <TextField
          id={form.id('financialYearEnd')}
          label="Financial year ends on"
          optional
          hint="Month and day as MM-DD, e.g. 12-31 for 31 December or 03-31 for 31 March."
          placeholder="MM-DD"
          maxLength={5}
          autoComplete="off"
          value={d.financialYearEnd}
          onValue={set('financialYearEnd')}
          error={form.errors.financialYearEnd}
          fieldClassName="field-short"
        />
      </fieldset>
      <div className="actions">
        <SubmitButton busy={form.busy} busyLabel={busyLabel}>
          {submitLabel}
        </SubmitButton>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </CheckedForm>
  );
}
