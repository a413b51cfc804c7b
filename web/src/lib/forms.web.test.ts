// Form checks: e-mail, passwords, the organisation profile, and server errors mapped to fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  EMPTY_ORGANISATION,
  draftFrom,
  emailProblem,
  fieldOfPath,
  financialYearEndProblem,
  firstError,
  formatMoney,
  formatYearEnd,
  newPasswordErrors,
  newPasswordProblem,
  parseAmount,
  parseOrganisation,
} from './forms.ts';

test('e-mail addresses', () => {
  assert.equal(emailProblem('ada@example.org'), null);
  assert.equal(emailProblem(' ada@example.org '), null);
  assert.match(emailProblem('')!, /Enter an e-mail/);
  assert.match(emailProblem('ada@example')!, /such as/);
  assert.match(emailProblem('ada example@x.org')!, /such as/);
});

test('new passwords follow the server’s rule: length, not composition', () => {
  assert.match(newPasswordProblem('short')!, /at least 12 characters \(you have 5\)/);
  assert.equal(newPasswordProblem('correct horse battery'), null);
  assert.equal(newPasswordProblem('alllowercaseletters'), null);
  assert.match(newPasswordProblem('aaaaaaaaaaaaaaa')!, /one character repeated/);
  assert.match(newPasswordProblem('my-name-is-bobby-123', 'bobby@example.org')!, /e-mail/);
  assert.equal(newPasswordProblem('bob-is-my-name-1234', 'bob@example.org'), null, 'short local parts are not checked (as on the server)');
  assert.match(newPasswordProblem('x'.repeat(257))!, /at most 256/);
});

test('a new password typed twice: its own problem first, then a mismatch', () => {
  assert.deepEqual(newPasswordErrors('correct horse battery', 'correct horse battery'), {});
  assert.match(newPasswordErrors('short', 'other')['password']!, /at least 12/);
  assert.equal(newPasswordErrors('short', 'other')['confirm'], undefined, 'the mismatch waits until the password itself is fine');
  assert.match(newPasswordErrors('correct horse battery', 'correct horse')['confirm']!, /differ/);
  assert.match(newPasswordErrors('my-name-is-bobby-123', 'my-name-is-bobby-123', 'bobby@example.org')['password']!, /e-mail/);
});

test('firstError follows the screen order', () => {
  assert.equal(firstError({ password: 'x', email: 'y' }, ['email', 'password']), 'email');
  assert.equal(firstError({ other: 'x' }, ['email']), 'other');
  assert.equal(firstError({}, ['email']), null);
});

test('amounts and financial year ends', () => {
  assert.equal(parseAmount('45 000 000'), 45_000_000);
  assert.equal(parseAmount('1,200'), 1200);
  assert.equal(parseAmount('12.5'), 12.5);
  assert.equal(parseAmount(''), null);
  assert.ok(Number.isNaN(parseAmount('about 10')));
  assert.ok(Number.isNaN(parseAmount('-5')));
  assert.equal(financialYearEndProblem('12-31'), null);
  assert.equal(financialYearEndProblem('02-29'), null);
  assert.match(financialYearEndProblem('31-12')!, /month must be/);
  assert.match(financialYearEndProblem('04-31')!, /no day 31/);
  assert.match(financialYearEndProblem('12/31')!, /MM-DD/);
  assert.equal(formatYearEnd('03-31'), '31 March');
  assert.equal(formatYearEnd(null), '—');
  assert.equal(formatMoney(45_000_000, 'EUR'), 'EUR 45,000,000');
  assert.equal(formatMoney(null, 'EUR'), '—');
});

test('parseOrganisation turns the form into API values, or says what is wrong per field', () => {
  const ok = parseOrganisation({
    name: '  Ministry of Example ',
    country: 'de',
    kind: 'public_body',
    employees: '1 200',
    turnover: '45,000,000',
    turnoverCurrency: 'eur',
    financialYearEnd: '12-31',
  });
  assert.deepEqual(ok.errors, {});
  assert.deepEqual(ok.values, {
    name: 'Ministry of Example',
    country: 'DE',
    kind: 'public_body',
    employees: 1200,
    turnover: 45_000_000,
    turnoverCurrency: 'EUR',
    financialYearEnd: '12-31',
  });
  const empty = parseOrganisation({ ...EMPTY_ORGANISATION, name: 'X' });
  assert.deepEqual(empty.values, { name: 'X', country: null, kind: 'public_body', employees: null, turnover: null, turnoverCurrency: null, financialYearEnd: null });

  const bad = parseOrganisation({ name: ' ', country: 'Germany', kind: 'company', employees: '12.5', turnover: '10', turnoverCurrency: '', financialYearEnd: '13-01' });
  assert.equal(bad.values, null);
  assert.deepEqual(Object.keys(bad.errors).sort(), ['country', 'employees', 'financialYearEnd', 'name', 'turnoverCurrency']);
  assert.match(bad.errors.turnoverCurrency!, /which currency/);
  assert.match(parseOrganisation({ ...EMPTY_ORGANISATION, name: 'X', turnoverCurrency: 'EURO' }).errors.turnoverCurrency!, /ISO 4217/);

  const back = draftFrom({ name: 'X', country: null, kind: 'ngo', employees: 0, turnover: null, turnoverCurrency: null, financialYearEnd: null });
  assert.deepEqual(back, { name: 'X', country: '', kind: 'ngo', employees: '0', turnover: '', turnoverCurrency: '', financialYearEnd: '' });
});

test('server validation paths find their form field', () => {
  const fields = ['name', 'email', 'organisation.name', 'organisation.country'];
  assert.equal(fieldOfPath('body/email', fields), 'email');
  assert.equal(fieldOfPath('body/organisation/name', fields), 'organisation.name');
  assert.equal(fieldOfPath('body/organisation/country', ['country']), 'country');
  assert.equal(fieldOfPath('body/token', fields), null);
  assert.equal(fieldOfPath('body', fields), null);
});
