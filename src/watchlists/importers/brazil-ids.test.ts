import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrazilId, validCnpj, validCpf } from './brazil-ids.ts';

test('CNPJ and CPF check digits', () => {
  assert.ok(validCnpj('11222333000181'));
  assert.ok(!validCnpj('11222333000182'));
  assert.ok(!validCnpj('11111111111111'), 'repeated digits pass the arithmetic but are not issued');
  // The Receita Federal's own example of an alphanumeric CNPJ (issued from July 2026).
  assert.ok(validCnpj('12ABC34501DE35'));
  assert.ok(validCpf('11144477735'));
  assert.ok(!validCpf('11144477736'));
  assert.ok(!validCpf('00000000000'));
});

test('a register number as written: canonical, bare, dot for slash, and wrong', () => {
  assert.deepEqual(parseBrazilId(' 11.222.333/0001-81 '), { kind: 'cnpj', compact: '11222333000181', formatted: '11.222.333/0001-81', warning: null });
  assert.deepEqual(parseBrazilId('11144477735'), { kind: 'cpf', compact: '11144477735', formatted: '111.444.777-35', warning: null });
  const dotted = parseBrazilId('11.222.333.0001-81');
  assert.ok('kind' in dotted && dotted.formatted === '11.222.333/0001-81');
  assert.match(dotted.warning!, /"\." where "\/" belongs/);
  assert.match((parseBrazilId('111 444 777 35') as { warning: string }).warning, /written unusually/);
  assert.match((parseBrazilId('111.444.777-36') as { error: string }).error, /CPF "111\.444\.777-36" fails its check digits/);
  assert.match((parseBrazilId('1122233300018') as { error: string }).error, /13 digits.*leading zero/);
  assert.match((parseBrazilId('n/a') as { error: string }).error, /neither a CNPJ .* nor a CPF/);
});
