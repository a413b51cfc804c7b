// Routes the current location to its page inside the shell.
import { matchRoute } from './lib/route.ts';
import { useLocation } from './router.tsx';
import { Shell } from './components/Shell.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { CountriesPage } from './pages/CountriesPage.tsx';
import { CountryPage } from './pages/CountryPage.tsx';
import { GoodsPage } from './pages/GoodsPage.tsx';
import { GoodPage } from './pages/GoodPage.tsx';
import { SearchPage } from './pages/SearchPage.tsx';
import { SourcesPage } from './pages/SourcesPage.tsx';
import { IloIndicatorsPage } from './pages/IloIndicatorsPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

export function App() {
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  let page;
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
    case 'notFound':
      page = <NotFoundPage path={pathname} />;
      break;
  }
  return (
    <Shell route={route.name} pathname={pathname}>
      {page}
    </Shell>
  );
}
