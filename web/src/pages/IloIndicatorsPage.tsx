// The ILO indicators of forced labour: the vocabulary audits, questionnaires and grievances will use.
import { endpoints, type IloIndicators } from '../api.ts';
import { useApi, useDocumentTitle } from '../hooks.ts';
import { Link } from '../router.tsx';
import { SourceNote } from '../components/SourceNote.tsx';
import { ErrorState, Loading } from '../components/States.tsx';

export function IloIndicatorsPage() {
  useDocumentTitle('ILO indicators of forced labour');
  const res = useApi<IloIndicators>(endpoints.iloIndicators());
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/">Overview</Link> <span aria-hidden="true">›</span> <span aria-current="page">Forced-labour indicators</span>
      </nav>
      <header className="page-header">
        <h1>ILO indicators of forced labour</h1>
        <p className="lede">
          The International Labour Organization’s eleven signs that a person may be in forced labour. Vigil tags audit findings,
          questionnaire answers and grievances with them. A single indicator can in some cases point to forced labour; in others several need to be present together.
        </p>
      </header>
      {res.status === 'loading' && <Loading label="Loading the indicators…" />}
      {res.status === 'error' && <ErrorState error={res.error} retry={res.retry} what="the indicators" />}
      {res.data && (
        <>
          <ol className="indicator-list">
            {[...res.data.indicators]
              .sort((a, b) => a.number - b.number)
              .map((i) => (
                <li key={i.key} id={`indicator-${i.key}`}>
                  <h2>
                    <span className="indicator-number">{i.number}</span> {i.name}
                  </h2>
                  <p>{i.description}</p>
                </li>
              ))}
          </ol>
          <SourceNote source={res.data.source} showRow={false} />
        </>
      )}
    </div>
  );
}
