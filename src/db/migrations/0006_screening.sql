-- Screening every supplier, site and known owner against the active watchlists (issue 5): the owners, the
-- explained hits with their review history, the alerts a run raises for new or changed hits, the runs
-- themselves, and the supplier rollup's list-hit figures.
--
-- Same conventions as 0004: every table holds one organisation's data, org_id is the first column of every
-- key, and a row-level security policy binds it to vigil_app's organisation.

-- Known owners of a supplier (beneficial owners, parent companies), screened like the supplier itself.
CREATE TABLE supplier_owners (
  org_id       bigint NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  supplier_id  bigint NOT NULL,
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
  type         text NOT NULL DEFAULT 'unknown' CHECK (type IN ('person', 'company', 'unknown')),
  countries    text[] NOT NULL DEFAULT '{}',
  -- [{ scheme, value, country? }] as src/match Identifier.
  identifiers  jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  -- Who added it as the audit trail names them (an e-mail address, or cli:<os user>).
  created_by   text NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, supplier_id) REFERENCES suppliers (org_id, id) ON DELETE CASCADE
);
CREATE INDEX supplier_owners_supplier ON supplier_owners (org_id, supplier_id);

-- Every run of screening: on import, when a list changes, or asked for. Written before the run's transaction
-- begins, so a run whose process died still says 'running' and the next start marks it failed; the hits of
-- such a run were never committed, so the previous ones stand.
CREATE TABLE screening_runs (
  org_id        bigint NOT NULL REFERENCES organisations(id),
  id            bigint GENERATED ALWAYS AS IDENTITY,
  reason        text NOT NULL CHECK (reason IN ('import', 'list-change', 'manual')),
  status        text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  started_by    text NOT NULL,
  subjects      integer NOT NULL DEFAULT 0,
  hits          integer NOT NULL DEFAULT 0,
  new_hits      integer NOT NULL DEFAULT 0,
  changed_hits  integer NOT NULL DEFAULT 0,
  gone_hits     integer NOT NULL DEFAULT 0,
  -- List slug → edition screened against.
  lists         jsonb NOT NULL DEFAULT '{}'::jsonb,
  error         text,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX screening_runs_running ON screening_runs (status) WHERE status = 'running';

-- One row per (subject, list, listed entity) pair ever found. A pair keeps its row, its status and its
-- reviews across runs and list editions (entity_key is stable across editions); when the entity leaves the
-- list or no longer matches, gone_at is set and the row stays, so a later return is recognised.
CREATE TABLE screening_hits (
  org_id               bigint NOT NULL,
  id                   bigint GENERATED ALWAYS AS IDENTITY,
  subject_kind         text NOT NULL CHECK (subject_kind IN ('supplier', 'site', 'owner')),
  subject_id           bigint NOT NULL,
  supplier_id          bigint NOT NULL,
  subject_name         text NOT NULL,
  -- The subject as it was screened (src/match MatchEntity) and its fingerprint: a dismissed hit alerts again
  -- only when this or the entity's fingerprint changes.
  subject_entity       jsonb NOT NULL,
  subject_fingerprint  text NOT NULL,
  watchlist_id         bigint NOT NULL REFERENCES watchlists (id),
  version_id           bigint NOT NULL,
  entity_key           text NOT NULL,
  -- "<versionId>:<n>" of the entity in the version last matched.
  entity_id            text NOT NULL,
  entity_name          text NOT NULL,
  entity_fingerprint   text NOT NULL,
  score                real NOT NULL CHECK (score BETWEEN 0 AND 1),
  -- The src/match MatchResult: score, threshold, the names that matched and every feature with its share.
  result               jsonb NOT NULL,
  hard                 boolean NOT NULL,
  -- A hard hit stays open ("possible") until a person confirms it: nothing confirms automatically.
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
  first_seen_at        timestamptz NOT NULL DEFAULT now(),
  last_seen_at         timestamptz NOT NULL DEFAULT now(),
  changed_at           timestamptz NOT NULL DEFAULT now(),
  gone_at              timestamptz,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, subject_kind, subject_id, watchlist_id, entity_key),
  FOREIGN KEY (org_id, supplier_id) REFERENCES suppliers (org_id, id) ON DELETE CASCADE
);
CREATE INDEX screening_hits_queue ON screening_hits (org_id, status, hard DESC, score DESC, id) WHERE gone_at IS NULL;
CREATE INDEX screening_hits_supplier ON screening_hits (org_id, supplier_id);

-- Every decision on a hit, oldest first: an analyst's confirm, dismiss or reopen with the reason, and the
-- automatic reopening of a reviewed hit whose subject or entity changed. The fingerprints say what was reviewed.
CREATE TABLE screening_reviews (
  org_id               bigint NOT NULL,
  id                   bigint GENERATED ALWAYS AS IDENTITY,
  hit_id               bigint NOT NULL,
  decision             text NOT NULL CHECK (decision IN ('confirm', 'dismiss', 'reopen')),
  reason               text NOT NULL,
  reviewer_id          bigint REFERENCES users (id),
  -- As the audit trail names them: an e-mail address, cli:<os user>, or 'system' for an automatic reopening.
  reviewer             text NOT NULL,
  at                   timestamptz NOT NULL DEFAULT now(),
  subject_fingerprint  text NOT NULL,
  entity_fingerprint   text NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, hit_id) REFERENCES screening_hits (org_id, id) ON DELETE CASCADE
);
CREATE INDEX screening_reviews_hit ON screening_reviews (org_id, hit_id);

-- What a run found that a person should look at: a new hit, or a known one whose subject or entity changed.
CREATE TABLE screening_alerts (
  org_id   bigint NOT NULL,
  id       bigint GENERATED ALWAYS AS IDENTITY,
  hit_id   bigint NOT NULL,
  run_id   bigint NOT NULL,
  kind     text NOT NULL CHECK (kind IN ('new', 'changed')),
  at       timestamptz NOT NULL DEFAULT now(),
  seen_at  timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, hit_id) REFERENCES screening_hits (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, run_id) REFERENCES screening_runs (org_id, id)
);
CREATE INDEX screening_alerts_hit ON screening_alerts (org_id, hit_id, id DESC);
CREATE INDEX screening_alerts_unseen ON screening_alerts (org_id, id DESC) WHERE seen_at IS NULL;

-- The supplier rollup folds list hits in (src/risk foldListHits): hard ones are counted in hard_signals, apart
-- from the score; soft ones add points. What the lines alone give is kept beside it, so that a review or a
-- run re-folds one supplier without recomputing its lines.
ALTER TABLE supplier_risk
  ADD COLUMN list_hits integer NOT NULL DEFAULT 0,
  ADD COLUMN list_signals jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN line_score smallint NOT NULL DEFAULT 0,
  ADD COLUMN line_severity real NOT NULL DEFAULT 0,
  ADD COLUMN line_hard integer NOT NULL DEFAULT 0,
  ADD COLUMN line_why text;
-- Until now nothing but lines fed the rollup.
UPDATE supplier_risk SET line_score = score, line_severity = severity, line_hard = hard_signals, line_why = why;

ALTER TABLE supplier_owners ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON supplier_owners USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE screening_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON screening_runs USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE screening_hits ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON screening_hits USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE screening_reviews ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON screening_reviews USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE screening_alerts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON screening_alerts USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());

GRANT SELECT, INSERT, UPDATE, DELETE ON supplier_owners, screening_runs, screening_hits, screening_reviews, screening_alerts TO vigil_app;
