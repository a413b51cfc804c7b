// The demo organisation `vigil serve --demo` (and `npm start`) loads, so a new user has somewhere realistic
// to look around. Fictional; later capabilities fill it with a demo supplier base.
import type { OrganisationInput } from './service.ts';

export const DEMO_ORGANISATION: OrganisationInput = {
  name: 'Demo: Ministry of Public Works (fictional)',
  country: 'GB',
  kind: 'public_body',
  employees: 4_200,
  turnover: 1_850_000_000,
  turnoverCurrency: 'GBP',
  financialYearEnd: '03-31',
};
