// Browser tests of organisations, people, roles, sign-in and the audit trail, through the shared e2e harness
// (built web app, in-process Vigil with an in-memory database, Chromium). One story, in order: first-run setup →
// invitation → a viewer's limits → sign-out and sign-in → role change → API token → audit trail and CSV → phone
// layout. Without a Chromium the tests skip (and fail when CI is set). Screenshots go to test-results/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { abortedOnLeaving, noHorizontalScroll, shot, skipped, skipReason, startHarness, type Harness, type WatchedPage } from './harness.ts';

const ADA = { name: 'Ada Admin', email: 'ada@example.org', password: 'correct horse battery staple' };
const BOB = { name: 'Bob Builder', email: 'bob@example.org', password: 'paper lantern quietly drifting' };
const ORG = 'Ministry of Example';

let e2e: Harness | undefined;
let base = '';

/** One person's browser, whose pages record errors, failed requests and off-origin requests. */
interface Person extends WatchedPage {
  /** Error answers expected at this point, as "METHOD /path STATUS". */
  expect: Set<string>;
}

// Asking who is signed in answers 401 to a visitor who is not: that is the API's "signed out", not an error.
const ALWAYS_ALLOWED = new Set(['GET /api/v1/session 401']);

async function person(viewport?: { width: number; height: number }): Promise<Person> {
  const expect = new Set<string>();
  const watched = await e2e!.watchedPage(
    {
      allowAnswer: (a) => {
        const key = `${a.method} ${a.path} ${a.status}`;
        return ALWAYS_ALLOWED.has(key) || expect.has(key);
      },
      allowFailure: abortedOnLeaving,
    },
    viewport,
  );
  return { ...watched, expect };
}

const orgNav = (page: Page) => page.getByRole('navigation', { name: 'Organisation pages' });
const orgNavLabels = async (page: Page) => (await orgNav(page).count()) === 0 ? [] : orgNav(page).getByRole('link').allInnerTexts();
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in\?signedOut=1$/);
  await page.getByText('You have signed out.').waitFor();
}

async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('organisations, people and the audit trail in the browser', { timeout: 240_000 }, () => {
  let ada: Person;
  let bob: Person;
  let invitationLink = '';
  let apiToken = '';

  before(async () => {
    if (skipReason) return;
    e2e = await startHarness();
    base = e2e.base;
  });

  after(async () => {
    await ada?.close();
    await bob?.close();
    await e2e?.close();
  });

  test('the one-time setup link creates the first administrator, signed in on the organisation page', async (t) => {
    if (skipped(t)) return;
    assert.ok(e2e!.app.setupLink, 'a fresh installation has a setup link');
    assert.match(e2e!.app.setupLink!, /\/setup#vgs_/);
    ada = await person();
    const { page, problems } = ada;
    await page.goto(e2e!.app.setupLink!);
    await page.getByRole('heading', { name: 'Set up Vigil' }).waitFor();
    await page.getByLabel('Your name').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the setup token is removed from the address bar');
    assert.match(await page.locator('main').innerText(), /At least 12 characters/);

    // A too-short password is refused before sending, next to its field, which takes focus.
    await page.getByLabel('Your name').fill(ADA.name);
    await page.getByLabel('E-mail address').fill(ADA.email);
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('too short');
    await page.getByLabel('Organisation name').fill(ORG);
    await page.getByLabel('Kind of organisation').selectOption('public_body');
    await page.getByLabel('Country').selectOption('DE');
    await page.getByRole('button', { name: 'Create the administrator and the organisation' }).click();
    const error = page.locator('.field-error', { hasText: 'at least 12 characters' });
    await error.waitFor();
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    const described = (await password.getAttribute('aria-describedby')) ?? '';
    assert.ok(described.split(' ').includes((await error.getAttribute('id'))!), 'the error is tied to the password field');
    assert.equal(await activeId(page), await password.getAttribute('id'), 'focus moves to the first field in error');

    await password.fill(ADA.password);
    assert.equal(await error.count(), 0, 'the error goes once the field is edited');
    assert.equal(await password.getAttribute('aria-invalid'), null);
    await shot(page, 'setup');
    await page.getByRole('button', { name: 'Create the administrator and the organisation' }).click();
    await page.waitForURL(/\/organisation\?welcome=1$/);
    await page.getByRole('heading', { level: 1, name: ORG }).waitFor();
    await page.getByTestId('organisation-profile').waitFor();
    assert.match(await page.getByTestId('organisation-profile').innerText(), /Germany/);
    assert.match(await page.getByRole('button', { name: /account menu/ }).innerText(), /Ada Admin/);
    assert.deepEqual(await orgNavLabels(page), ['Portfolio', 'Suppliers', 'Import', 'Risk weights', 'Screening', 'Watchlists', 'Profile', 'People', 'API tokens', 'Audit trail']);
    assert.equal(await page.getByLabel('Organisation', { exact: true }).inputValue() !== '', true, 'the organisation switcher shows the current organisation');
    assert.equal((await (await fetch(`${base}/api/v1/setup`)).json() as { pending: boolean }).pending, false);

    // The administrator fills in the size figures that will decide which laws apply.
    await page.getByRole('button', { name: 'Edit the profile' }).click();
    await page.getByLabel(/^Employees/).fill('1 250');
    await page.getByLabel(/^Annual turnover or budget/).fill('45000000');
    await page.getByLabel(/^Currency/).fill('eur');
    await page.getByLabel(/^Financial year ends on/).fill('12-31');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByText('The profile is saved.').waitFor();
    const profile = await page.getByTestId('organisation-profile').innerText();
    assert.match(profile, /1,250/);
    assert.match(profile, /EUR 45,000,000/);
    assert.match(profile, /31 December/);
    await shot(page, 'organisation');
    assert.deepEqual(problems, []);
  });

  test('the administrator invites Bob as a viewer on People and gets the link once', async (t) => {
    if (skipped(t)) return;
    const { page, problems } = ada;
    await orgNav(page).getByRole('link', { name: 'People' }).click();
    await page.waitForURL(/\/organisation\/people$/);
    const members = page.getByTestId('members-table');
    await members.waitFor();
    assert.match(await members.innerText(), /Ada Admin[\s\S]*ada@example.org[\s\S]*Administrator/);

    const invite = page.locator('form', { has: page.getByRole('heading', { name: 'Invite someone' }) });
    await invite.getByLabel('E-mail address').fill(BOB.email);
    await invite.getByLabel('Role', { exact: true }).selectOption('viewer');
    await invite.getByRole('button', { name: 'Invite' }).click();
    const link = page.getByTestId('invitation-link');
    await link.waitFor();
    invitationLink = await link.inputValue();
    assert.match(invitationLink, /^http:\/\/[^/]+\/invitation#vgi_[A-Za-z0-9_-]{20,}$/);
    assert.match(await page.locator('.secret-panel').innerText(), /also sent this link to bob@example.org by e-mail/);
    await page.getByRole('button', { name: /^Copy/ }).waitFor();
    const invitations = page.getByTestId('invitations-table');
    await invitations.locator('tr[data-email="bob@example.org"]').waitFor();
    assert.match(await invitations.innerText(), /bob@example.org[\s\S]*Viewer[\s\S]*Ada Admin[\s\S]*Pending/i);
    await shot(page, 'people');
    assert.deepEqual(problems, []);

    await signOut(page);
    assert.equal(await page.getByRole('navigation', { name: 'Organisation pages' }).count(), 0, 'no organisation bar when signed out');
    assert.deepEqual(problems, []);
  });

  test('Bob accepts the invitation in a fresh browser and sees only what a viewer may', async (t) => {
    if (skipped(t)) return;
    bob = await person();
    const { page, problems } = bob;
    await page.goto(invitationLink);
    const preview = page.getByTestId('invitation-preview');
    await preview.waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the invitation token is removed from the address bar');
    const offer = await preview.innerText();
    assert.match(offer, /Ministry of Example/);
    assert.match(offer, /bob@example.org/);
    assert.match(offer, /Viewer/);

    // The two passwords must match; the message sits at the second field, which takes focus.
    await page.getByLabel('Your name').fill(BOB.name);
    await page.getByLabel('Choose a password').fill(BOB.password);
    await page.getByLabel('Type the password again').fill(`${BOB.password}!`);
    await page.getByRole('button', { name: 'Create my account and join' }).click();
    await page.locator('.field-error', { hasText: 'The two passwords differ' }).waitFor();
    assert.equal(await activeId(page), await page.getByLabel('Type the password again').getAttribute('id'));
    await shot(page, 'invitation');
    await page.getByLabel('Type the password again').fill(BOB.password);
    await page.getByRole('button', { name: 'Create my account and join' }).click();
    await page.waitForURL(/\/organisation$/);
    await page.getByRole('heading', { level: 1, name: ORG }).waitFor();
    assert.match(await page.getByRole('button', { name: /account menu/ }).innerText(), /Bob Builder/);

    // Read-only profile; of the organisation's pages, only those a viewer may read in the navigation.
    await page.getByTestId('organisation-profile').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Edit the profile' }).count(), 0, 'a viewer gets no edit button');
    await page.getByText('Only an administrator can change the profile.').waitFor();
    assert.deepEqual(await orgNavLabels(page), ['Portfolio', 'Suppliers', 'Risk weights', 'Profile']);

    // Opening the audit trail directly explains the role's limit (and asks the server nothing it would refuse).
    await page.goto(`${base}/organisation/audit`);
    const denied = page.getByTestId('role-denied');
    await denied.waitFor();
    assert.match(await denied.innerText(), /Your role \(Viewer\) does not allow this/);
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await shot(page, 'role-denied', false);
    for (const path of ['/organisation/people', '/organisation/tokens']) {
      await page.goto(base + path);
      await page.getByTestId('role-denied').waitFor();
    }
    assert.deepEqual(problems, []);
  });

  test('Bob signs out and signs in again through /sign-in', async (t) => {
    if (skipped(t)) return;
    const { page, problems, expect } = bob;
    await page.goto(`${base}/organisation`);
    await page.getByTestId('organisation-profile').waitFor();
    await signOut(page);

    // A wrong password: the server's detail is shown and focused.
    expect.add('POST /api/v1/session 401');
    await signIn(page, { email: BOB.email, password: 'not the right password' });
    const problem = page.getByRole('alert').filter({ hasText: 'not right' });
    await problem.waitFor();
    assert.equal(await activeId(page), await problem.getAttribute('id'), 'the problem box takes focus');
    await shot(page, 'sign-in');
    expect.delete('POST /api/v1/session 401');

    await signIn(page, BOB);
    await page.waitForURL(/\/organisation$/);
    await page.getByRole('heading', { level: 1, name: ORG }).waitFor();
    assert.match(await page.getByRole('button', { name: /account menu/ }).innerText(), /Bob Builder/);
    assert.deepEqual(await orgNavLabels(page), ['Portfolio', 'Suppliers', 'Risk weights', 'Profile']);
    assert.deepEqual(problems, []);
  });

  test('a signed-out administrator is sent to sign-in and back, then makes Bob an analyst', async (t) => {
    if (skipped(t)) return;
    const { page, problems } = ada;
    await page.goto(`${base}/organisation/people`);
    await page.waitForURL(/\/sign-in\?next=%2Forganisation%2Fpeople$/);
    await signIn(page, ADA);
    await page.waitForURL(/\/organisation\/people$/);
    const role = page.getByLabel('Role of Bob Builder');
    await role.waitFor();
    assert.equal(await role.inputValue(), 'viewer');
    // Choosing a role changes nothing until it is saved (keyboard users move through the options).
    await role.selectOption('auditor');
    await page.getByRole('button', { name: 'Cancel the role change for Bob Builder' }).click();
    assert.equal(await role.inputValue(), 'viewer');
    await role.selectOption('analyst');
    await page.getByRole('button', { name: 'Save the role of Bob Builder' }).click();
    await page.getByText('Bob Builder is now Analyst.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save the role of Bob Builder' }).count(), 0);
    const invitations = await page.getByTestId('invitations-table').innerText();
    assert.match(invitations, /bob@example.org[\s\S]*Accepted/i);
    assert.deepEqual(problems, []);
  });

  test('Bob, now an analyst, creates an API token that is shown once', async (t) => {
    if (skipped(t)) return;
    const { page, problems } = bob;
    await page.reload();
    await orgNav(page).waitFor();
    assert.deepEqual(await orgNavLabels(page), ['Portfolio', 'Suppliers', 'Import', 'Risk weights', 'Screening', 'Watchlists', 'Profile', 'People', 'API tokens']);
    await orgNav(page).getByRole('link', { name: 'API tokens' }).click();
    await page.waitForURL(/\/organisation\/tokens$/);
    await page.getByText('You have no API tokens in this organisation.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Reporting script');
    await page.getByLabel('Expires after').selectOption('30');
    await page.getByRole('button', { name: 'Create the token' }).click();
    const value = page.getByTestId('new-token');
    await value.waitFor();
    apiToken = await value.inputValue();
    assert.match(apiToken, /^vgt_[A-Za-z0-9_-]{20,}$/);
    assert.match(await page.locator('.secret-panel').innerText(), /will not show it again/);
    const table = page.getByTestId('tokens-table');
    await table.locator('tr', { hasText: 'Reporting script' }).waitFor();
    assert.match(await table.innerText(), new RegExp(`${apiToken.slice(0, 12)}…[\\s\\S]*Active`, 'i'));
    await shot(page, 'tokens');

    // The token works for the API, with Bob's role in this organisation.
    const res = await fetch(`${base}/api/v1/organisation`, { headers: { authorization: `Bearer ${apiToken}` } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { name: string }).name, ORG);

    // Shown once: after a reload only its name and first characters remain.
    await page.reload();
    await page.getByTestId('tokens-table').waitFor();
    assert.equal(await page.getByTestId('new-token').count(), 0);
    assert.ok(!(await page.locator('main').innerText()).includes(apiToken), 'the full token is not shown again');
    assert.deepEqual(problems, []);
  });

  test('the administrator’s audit trail lists the events, shows a change, pages back and exports CSV', async (t) => {
    if (skipped(t)) return;
    const { page, problems } = ada;
    await orgNav(page).getByRole('link', { name: 'Audit trail' }).click();
    await page.waitForURL(/\/organisation\/audit$/);
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    const actions = await table.locator('tbody tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    for (const a of ['organisation.created', 'member.added', 'invitation.created', 'invitation.accepted', 'member.role_changed', 'token.created']) {
      assert.ok(actions.includes(a), `audit trail lacks ${a} (has ${actions.join(', ')})`);
    }
    const seqs = await table.locator('tbody tr[data-seq]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))));
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a), 'newest first');
    const roleRow = table.locator('tr[data-action="member.role_changed"]');
    assert.match(await roleRow.innerText(), /ada@example.org[\s\S]*Role changed[\s\S]*role: viewer → analyst/);
    assert.match(await roleRow.locator('.hash').innerText(), /^[0-9a-f]{8} → [0-9a-f]{8}$/);
    assert.match(await table.locator('tr[data-seq="1"] .hash').innerText(), /^genesis → [0-9a-f]{8}$/);
    assert.match(await page.locator('main').innerText(), /vigil audit verify/);

    // The before/after of the role change.
    await roleRow.getByRole('button', { name: /Details/ }).click();
    assert.equal(await roleRow.getByRole('button', { name: /Hide/ }).getAttribute('aria-expanded'), 'true');
    const details = page.getByTestId('audit-details');
    await details.waitFor();
    assert.match(await details.locator('tr.changed').innerText(), /role\s*(\(changed\))?\s*viewer\s*analyst/);
    await shot(page, 'audit');

    // Filter by action: the address keeps the filter, and only token events remain.
    await page.getByLabel('Action', { exact: true }).selectOption('token.');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/action=token\./);
    await page.locator('[data-testid="audit-table"] tbody tr[data-action]').first().waitFor();
    const filtered = await page.locator('[data-testid="audit-table"] tbody tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    assert.deepEqual(filtered, ['token.created']);

    // CSV of what the filter selects, with its header row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-csv').click()]);
    assert.equal(download.suggestedFilename(), 'vigil-audit.csv');
    const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    assert.equal(csv[0], 'seq,at,actor,actor_user_id,action,entity_type,entity_id,before,after,ip,prev_hash,hash');
    assert.equal(csv.length, 2, 'one token event under the filter');
    assert.match(csv[1]!, /bob@example.org,\d+,token.created,api_token/);

    // "Load older" pages back with beforeSeq once the trail is longer than one page.
    const session = await (await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADA) })).json() as {
      user: { id: number }; organisation: { id: number };
    };
    const actor = { userId: session.user.id, email: ADA.email, name: ADA.name, orgId: session.organisation.id, role: 'administrator' as const, via: 'session' as const, ip: null };
    for (let i = 0; i < 60; i++) await e2e!.app.access.recordEvent(actor, 'test.filler', { n: i });
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.waitForURL(/\/organisation\/audit$/);
    const rows = page.locator('[data-testid="audit-table"] tbody tr[data-seq]');
    await page.getByRole('button', { name: 'Load older entries' }).waitFor();
    assert.equal(await rows.count(), 50);
    await page.getByRole('button', { name: 'Load older entries' }).click();
    await page.getByText(/This is the oldest entry/).waitFor();
    const all = await rows.evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-seq'))));
    assert.ok(all.length > 60, `older entries appended (${all.length})`);
    assert.equal(all[all.length - 1], 1, 'down to the first entry');
    assert.equal(new Set(all).size, all.length, 'no entry twice');
    assert.deepEqual(problems, []);
  });

  test('the administrator starts a second organisation from the switcher and switches back', async (t) => {
    if (skipped(t)) return;
    const { page, problems } = ada;
    const switcher = page.getByLabel('Organisation', { exact: true });
    await switcher.selectOption({ label: 'New organisation…' });
    await page.waitForURL(/\/organisation\/new$/);
    await page.getByRole('heading', { level: 1, name: 'Start a new organisation' }).waitFor();
    // The size figures are checked before sending.
    await page.getByLabel('Name', { exact: true }).fill('Ministry of Example — Regional Office');
    await page.getByLabel(/^Annual turnover or budget/).fill('2500000');
    await page.getByRole('button', { name: 'Create the organisation' }).click();
    const currency = page.getByLabel(/^Currency/);
    await page.locator('.field-error', { hasText: 'which currency' }).waitFor();
    assert.equal(await activeId(page), await currency.getAttribute('id'));
    await currency.fill('EUR');
    await page.getByRole('button', { name: 'Create the organisation' }).click();
    await page.waitForURL(/\/organisation$/);
    await page.getByRole('heading', { level: 1, name: 'Ministry of Example — Regional Office' }).waitFor();
    const options = await switcher.locator('option').allInnerTexts();
    assert.deepEqual(options, ['Ministry of Example — Administrator', 'Ministry of Example — Regional Office — Administrator', 'New organisation…']);

    // Switching back shows the first organisation's data again.
    const first = await switcher.locator('option', { hasText: /^Ministry of Example — Administrator$/ }).getAttribute('value');
    await switcher.selectOption(first!);
    await page.getByRole('heading', { level: 1, name: ORG, exact: true }).waitFor();
    assert.match(await page.getByTestId('organisation-profile').innerText(), /1,250/);
    assert.deepEqual(problems, []);
  });

  test('a reset link made on People lets Bob choose a new password, which ends his sessions', async (t) => {
    if (skipped(t)) return;
    await orgNav(ada.page).getByRole('link', { name: 'People' }).click();
    await ada.page.getByRole('button', { name: 'Reset link for Bob Builder' }).click();
    const link = await ada.page.getByTestId('reset-link').inputValue();
    assert.match(link, /^http:\/\/[^/]+\/reset-password#vgr_[A-Za-z0-9_-]{20,}$/);
    assert.deepEqual(ada.problems, []);

    const { page, problems } = bob;
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the reset token is removed from the address bar');
    const newPassword = 'lighthouse keeper morning tide';
    await page.getByLabel('New password').fill(newPassword);
    await page.getByLabel('Type it again').fill(newPassword);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your password is changed.').waitFor();
    // The reset ended Bob's session in this browser too.
    await page.getByRole('link', { name: 'Sign in', exact: true }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: /account menu/ }).count(), 0);
    await page.getByRole('link', { name: 'Sign in with the new password' }).click();
    await page.waitForURL(/\/sign-in$/);

    // Asking for a reset by mail answers the same whether or not the account exists.
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await page.getByLabel('E-mail address').fill(BOB.email);
    await page.getByRole('button', { name: 'Send the reset link' }).click();
    await page.getByText(/a link to choose a new password is on its way/).waitFor();
    await page.getByRole('button', { name: 'Back to sign in' }).click();

    await signIn(page, { email: BOB.email, password: newPassword });
    await page.waitForURL(/\/organisation$/);
    assert.match(await page.getByRole('button', { name: /account menu/ }).innerText(), /Bob Builder/);
    assert.deepEqual(problems, []);
  });

  test('phone width (375px): People page and the organisation bar fit without sideways scrolling', async (t) => {
    if (skipped(t)) return;
    const phone = await person({ width: 375, height: 812 });
    try {
      const { page, problems } = phone;
      await page.goto(`${base}/organisation/people`);
      await page.waitForURL(/\/sign-in\?next=/);
      await noHorizontalScroll(page);
      await signIn(page, ADA);
      await page.waitForURL(/\/organisation\/people$/);
      await page.getByTestId('members-table').waitFor();
      await page.getByTestId('invitations-table').waitFor();
      await noHorizontalScroll(page);
      assert.ok(await page.getByLabel('Role of Bob Builder').isVisible(), 'role select reachable on a phone');
      await shot(page, 'phone-people');
      await orgNav(page).getByRole('link', { name: 'Audit trail' }).click();
      await page.getByTestId('audit-table').waitFor();
      await noHorizontalScroll(page);
      await page.getByTestId('audit-table').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await shot(page, 'phone-audit', false);
      assert.deepEqual(problems, []);
    } finally {
      await phone.close();
    }
  });
  test('single sign-on: the administrator finds the redirect URI to register; a refused sign-in is explained', async (t) => {
    if (skipped(t)) return;
    const { page, problems } = ada;
    await page.goto(`${base}/organisation`);
    await page.getByRole('heading', { level: 2, name: 'Single sign-on' }).waitFor();
    assert.equal(await page.getByTestId('sso-redirect-uri').inputValue(), `${base}/api/v1/auth/sso/callback`);
    await page.getByRole('button', { name: 'Set up single sign-on' }).click();
    // The secret is required for a new connection, and the form says so before sending.
    await page.getByLabel('Issuer URL').fill('http://127.0.0.1:9/realms/staff');
    await page.getByLabel('Client id').fill('vigil');
    await page.getByRole('button', { name: 'Save the connection' }).click();
    await page.locator('.field-error', { hasText: 'client secret' }).waitFor();
    await shot(page, 'organisation-sso');
    assert.deepEqual(problems, []);

    const visitor = await person();
    try {
      await visitor.page.goto(`${base}/sign-in?sso_error=not_member`);
      assert.match(await visitor.page.getByTestId('sso-error').innerText(), /not an active member/);
      assert.deepEqual(visitor.problems, []);
    } finally {
      await visitor.close();
    }
  });
});
