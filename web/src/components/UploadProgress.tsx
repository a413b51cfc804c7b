// A file on its way to the server: how much has gone, and a way to stop it.
import { formatBytes } from '../lib/portfolio.ts';

export function UploadProgress({ name, sent, total, onCancel }: { name: string; sent: number; total: number; onCancel: () => void }) {
  const pct = total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0;
  return (
    <section className="block" aria-labelledby="upload-heading" data-testid="upload-progress">
      <h2 id="upload-heading">Uploading {name}</h2>
      <div className="progress-row">
        <progress id="upload-progress" max={100} value={pct} aria-label={`Upload of ${name}`} />
        <span role="status" aria-live="polite">
          {pct}% · {formatBytes(sent)} of {formatBytes(total)}
        </span>
      </div>
      <button type="button" className="button-secondary" onClick={onCancel}>
        Cancel the upload
      </button>
    </section>
  );
}
