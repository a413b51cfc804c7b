// Country of an organisation: a select of the countries Vigil knows (ISO 3166-1), or a two-letter code when
// the list cannot be loaded.
import { endpoints, type CountryList } from '../api.ts';
import { useApi } from '../hooks.ts';
import { SelectField, TextField } from './Forms.tsx';

interface Props {
  id: string;
  value: string;
  onValue: (code: string) => void;
  error?: string | undefined;
  hint?: string;
}

export function CountryField({ id, value, onValue, error, hint }: Props) {
  const res = useApi<CountryList>(endpoints.countries());
  if (res.status === 'error') {
    return (
      <TextField
        id={id}
        label="Country"
        optional
        hint={`${hint ? `${hint} ` : ''}The list of countries could not be loaded; type the two-letter ISO code, such as DE or KE.`}
        error={error}
        value={value}
        onValue={(v) => onValue(v.toUpperCase())}
        maxLength={2}
        autoComplete="off"
        fieldClassName="field-short"
      />
    );
  }
  const countries = res.data ? [...res.data.countries].sort((a, b) => a.name.localeCompare(b.name, 'en')) : [];
  const known = !value || countries.some((c) => c.code === value);
  return (
    <SelectField id={id} label="Country" optional {...(hint ? { hint } : {})} error={error} value={value} onValue={onValue} aria-busy={res.status === 'loading' || undefined}>
      <option value="">{res.status === 'loading' ? 'Loading countries…' : 'Not given'}</option>
      {!known && <option value={value}>{value}</option>}
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}
