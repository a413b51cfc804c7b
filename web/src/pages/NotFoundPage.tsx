import { useDocumentTitle } from '../hooks.ts';
import { Link } from '../router.tsx';

export function NotFoundPage({ path }: { path: string }) {
  useDocumentTitle('Page not found');
  return (
    <div className="page">
      <header className="page-header">
        <h1>Page not found</h1>
        <p className="lede">
          There is no page at <code>{path}</code>. Try the search box above, or go back to the <Link to="/">overview</Link>.
        </p>
      </header>
    </div>
  );
}
