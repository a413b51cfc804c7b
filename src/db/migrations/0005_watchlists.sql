-- Watchlists (issue 5): forced-labour and sanctions lists as versioned data with provenance, like the
-- knowledge base's editions. A list is shared with every organisation (org_id NULL: the catalogue's lists,
-- written by the operator from the command line, never by a tenant) or an organisation's own.
--
-- Every imported version keeps all of its entities, so a screening hit can cite the edition and row it
-- matched even after a newer version became active. An import writes its version and entities in one
-- transaction and switches watchlists.active_version with one UPDATE at its end: a bad file or a killed
-- process leaves the old version active and nothing of the new one.

CREATE TABLE watchlists (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- NULL: shared with every organisation.
  org_id          bigint REFERENCES organisations(id),
  slug            text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  publisher       text NOT NULL,
  source_url      text,
  licence         text,
  signal          text NOT NULL CHECK (signal IN ('hard', 'soft')),
  basis           text NOT NULL,
  threshold       real NOT NULL CHECK (threshold > 0 AND threshold <= 1),
  active_version  bigint,
  created_at      timestamptz NOT NULL DEFAULT now()
);
-- A slug names one list in an organisation's view: unique among shared lists and within an organisation
-- (the service also refuses an organisation's slug that a shared list uses).
CREATE UNIQUE INDEX watchlists_shared_slug ON watchlists (slug) WHERE org_id IS NULL;
CREATE UNIQUE INDEX watchlists_org_slug ON watchlists (org_id, slug) WHERE org_id IS NOT NULL;

CREATE TABLE watchlist_versions (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  watchlist_id  bigint NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
  org_id        bigint REFERENCES organisations(id),
  edition       text NOT NULL CHECK (length(edition) BETWEEN 1 AND 100),
  published_on  date,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  -- As the audit trail names them: an e-mail address, or cli:<os user>.
  imported_by   text NOT NULL,
  file_name     text NOT NULL,
  sha256        text NOT NULL,
  format        text NOT NULL CHECK (format IN ('ftm', 'br-mte', 'table')),
  entities      integer NOT NULL DEFAULT 0 CHECK (entities >= 0),
  warnings      integer NOT NULL DEFAULT 0 CHECK (warnings >= 0),
  UNIQUE (watchlist_id, edition)
);
CREATE INDEX watchlist_versions_org ON watchlist_versions (org_id, watchlist_id);

ALTER TABLE watchlists ADD CONSTRAINT watchlists_active_version FOREIGN KEY (active_version) REFERENCES watchlist_versions(id);

-- n numbers a version's entities from 1 in file order; "<version_id>:<n>" is an entity's id in the API.
CREATE TABLE watchlist_entities (
  version_id   bigint NOT NULL REFERENCES watchlist_versions(id) ON DELETE CASCADE,
  n            integer NOT NULL,
  org_id       bigint,
  -- Stable within the list across editions (FtM id, br-mte:<CNPJ/CPF digits>, a mapped id column).
  key          text NOT NULL,
  type         text NOT NULL CHECK (type IN ('person', 'company', 'unknown')),
  name         text NOT NULL,
  aliases      text[] NOT NULL DEFAULT '{}',
  countries    text[] NOT NULL DEFAULT '{}',
  identifiers  jsonb NOT NULL DEFAULT '[]'::jsonb,
  birth_date   text,
  properties   jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Line (JSON lines) or row (tables) of the source file.
  source_row   integer NOT NULL,
  -- src/match fingerprintOf: a dismissed hit alerts again only when it changes.
  fingerprint  text NOT NULL,
  PRIMARY KEY (version_id, n)
);
CREATE INDEX watchlist_entities_key ON watchlist_entities (version_id, key);

-- An organisation's own match threshold for a shared list.
CREATE TABLE watchlist_settings (
  org_id        bigint NOT NULL REFERENCES organisations(id),
  watchlist_id  bigint NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
  threshold     real NOT NULL CHECK (threshold > 0 AND threshold <= 1),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, watchlist_id)
);

-- Organisations read the shared lists and their own, and write only their own.
ALTER TABLE watchlists ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON watchlists USING (org_id IS NULL OR org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE watchlist_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON watchlist_versions USING (org_id IS NULL OR org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE watchlist_entities ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON watchlist_entities USING (org_id IS NULL OR org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE watchlist_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON watchlist_settings USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());

GRANT SELECT, INSERT, UPDATE ON watchlists, watchlist_versions, watchlist_entities TO vigil_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON watchlist_settings TO vigil_app;
