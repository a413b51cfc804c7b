// Routes the current location to its page inside the shell. Organisation pages go through one guard,
// RequirePermission, with what PAGE_ACCESS says each needs (the navigation reads the same table).
import type { ReactNode } from 'react';
import { PAGE_ACCESS } from './lib/access.ts';
import { matchRoute, type RouteName } from './lib/route.ts';
import { useLocation } from './router.tsx';
import { SessionProvider } from './session.tsx';
import { Shell } from './components/Shell.tsx';
import { RequirePermission } from './components/RequirePermission.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { CountriesPage } from './pages/CountriesPage.tsx';
import { CountryPage } from './pages/CountryPage.tsx';
import { GoodsPage } from './pages/GoodsPage.tsx';
import { GoodPage } from './pages/GoodPage.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
import { SourcesPage } from './pages/SourcesPage.tsx';
import { IloIndicatorsPage } from './pages/IloIndicatorsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SignInPage } from './pages/SignInPage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { InvitationPage } from './pages/InvitationPage.tsx';
import { ResetPasswordPage } from './pages/ResetPasswordPage.tsx';
import { OrganisationPage } from './pages/OrganisationPage.tsx';
import { NewOrganisationPage } from './pages/NewOrganisationPage.tsx';
import { PeoplePage } from './pages/PeoplePage.tsx';
import { TokensPage } from './pages/TokensPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { PortfolioPage } from './pages/PortfolioPage.tsx';
import { SuppliersPage } from './pages/SuppliersPage.tsx';
import { SupplierPage } from './pages/SupplierPage.tsx';
import { ImportsPage } from './pages/ImportsPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { RiskWeightsPage } from './pages/RiskWeightsPage.tsx';
import { ScreeningPage } from './pages/ScreeningPage.tsx';
import { HitPage } from './pages/HitPage.tsx';
import { WatchlistsPage } from './pages/WatchlistsPage.tsx';
import { WatchlistPage } from './pages/WatchlistPage.tsx';

/** Titles of the guarded pages, shown above the message when a role may not open them. */
const GUARDED_TITLES: Partial<Record<RouteName, string>> = {
  organisation: 'Organisation profile',
  newOrganisation: 'New organisation',
  people: 'People',
  tokens: 'API tokens',
  audit: 'Audit trail',
  portfolio: 'Supplier portfolio',
  suppliers: 'Suppliers',
  supplier: 'Supplier',
  imports: 'Import suppliers',
  importDetail: 'Import',
  riskWeights: 'Risk weights',
  screening: 'Screening',
  hit: 'Screening hit',
  watchlists: 'Watchlists',
  watchlist: 'Watchlist',
};

export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}

function Routes() {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  let page: ReactNode;
  switch (route.name) {
    case 'home':
      page = <HomePage />;
      break;
    case 'countries':
      page = <CountriesPage />;
      break;
    case 'country':
      page = <CountryPage key={route.params.code} code={route.params.code!} />;
      break;
    case 'goods':
      page = <GoodsPage />;
      break;
    case 'good':
      page = <GoodPage key={route.params.slug} slug={route.params.slug!} />;
      break;
    case 'search':
      page = <SearchPage />;
      break;
    case 'sources':
      page = <SourcesPage />;
      break;
    case 'iloIndicators':
      page = <IloIndicatorsPage />;
      break;
    case 'signIn':
      page = <SignInPage />;
      break;
    case 'setup':
      page = <SetupPage />;
      break;
    case 'invitation':
      page = <InvitationPage />;
      break;
    case 'resetPassword':
      page = <ResetPasswordPage />;
      break;
    case 'organisation':
      page = <OrganisationPage />;
      break;
    case 'newOrganisation':
      page = <NewOrganisationPage />;
      break;
    case 'people':
      page = <PeoplePage />;
      break;
    case 'tokens':
      page = <TokensPage />;
      break;
    case 'audit':
      page = <AuditPage />;
      break;
    case 'portfolio':
      page = <PortfolioPage />;
      break;
    case 'suppliers':
      page = <SuppliersPage />;
      break;
    case 'supplier':
      page = <SupplierPage key={route.params.id} id={route.params.id!} />;
      break;
    case 'imports':
      page = <ImportsPage />;
      break;
    case 'importDetail':
      page = <ImportPage key={route.params.id} id={route.params.id!} />;
      break;
    case 'riskWeights':
      page = <RiskWeightsPage />;
      break;
    case 'screening':
      page = <ScreeningPage />;
      break;
    case 'hit':
      page = <HitPage key={route.params.id} id={route.params.id!} />;
      break;
    case 'watchlists':
      page = <WatchlistsPage />;
      break;
    case 'watchlist':
      page = <WatchlistPage key={route.params.id} id={route.params.id!} />;
      break;
    case 'notFound':
      page = <NotFoundPage path={pathname} />;
      break;
  }
  const access = PAGE_ACCESS[route.name];
  if (access) {
    page = (
      <RequirePermission permission={access} page={GUARDED_TITLES[route.name] ?? 'Organisation'}>
        {page}
      </RequirePermission>
    );
  }
  return (
    <Shell route={route.name} pathname={pathname}>
      {page}
    </Shell>
  );
}
