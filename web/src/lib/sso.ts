// What the sign-in page says when single sign-on sends the browser back with ?sso_error=<code>
// (codes from src/orgs/sso.ts SsoErrorCode). Pure.
import type { SsoErrorCode } from '../../../src/orgs/sso.ts';

const MESSAGES: Record<SsoErrorCode, string> = {
  unavailable: 'Single sign-on is not available for that organisation any more. Sign in with your e-mail address and password, or ask an administrator.',
  state: 'The single sign-on attempt expired or was started in another browser. Start it again from this page.',
  provider: 'Your organisation’s identity provider refused the sign-in or could not be reached. Try again, or ask your IT team.',
  email: 'Your identity provider did not confirm an e-mail address for your account, so Vigil cannot tell who you are.',
  not_member: 'Your identity provider signed you in, but that e-mail address is not an active member of the organisation in Vigil. Ask an administrator to invite you.',
  failed: 'Single sign-on failed. Try again; if it keeps failing, sign in with your password or ask an administrator.',
};

export function ssoErrorMessage(code: string | null): string | null {
  if (!code) return null;
  return (MESSAGES as Record<string, string>)[code] ?? MESSAGES.failed;
}
