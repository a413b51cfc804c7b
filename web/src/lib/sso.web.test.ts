import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ssoErrorMessage } from './sso.ts';

test('every single sign-on error code the server sends has its own explanation', () => {
  const codes = ['unavailable', 'state', 'provider', 'email', 'not_member', 'failed'];
  const messages = codes.map(ssoErrorMessage);
  assert.equal(new Set(messages).size, codes.length);
  assert.match(ssoErrorMessage('not_member')!, /not an active member/);
});

test('no code, no message; an unknown code gets the general one rather than raw text', () => {
  assert.equal(ssoErrorMessage(null), null);
  assert.equal(ssoErrorMessage('<script>'), ssoErrorMessage('failed'));
});
