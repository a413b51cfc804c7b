-- Knowledge base: versioned public reference datasets with provenance. These tables are shared by every
-- organisation (no org_id); on a distributed PostgreSQL (Citus) they become reference tables.

CREATE TABLE ref_edition (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dataset       text NOT NULL,
  edition       text NOT NULL,
  title         text NOT NULL,
  publisher     text NOT NULL,
  published_on  date,
  source_url    text NOT NULL,
  licence       text NOT NULL,
  caveats       text NOT NULL DEFAULT '',
  compiled_on   date NOT NULL,
  loaded_at     timestamptz NOT NULL DEFAULT now(),
  row_count     integer NOT NULL CHECK (row_count >= 0),
  checksum      text NOT NULL,
  stats         jsonb NOT NULL DEFAULT '{}'::jsonb,
  origin        text NOT NULL,
  is_active     boolean NOT NULL DEFAULT false,
  UNIQUE (dataset, edition)
);
-- At most one active edition per dataset; anything computed later records the edition id it used.
CREATE UNIQUE INDEX ref_edition_one_active ON ref_edition (dataset) WHERE is_active;

CREATE TABLE ref_countries (
  edition_id  bigint NOT NULL REFERENCES ref_edition(id) ON DELETE CASCADE,
  source_row  integer NOT NULL,
  code        text NOT NULL,
  alpha3      text NOT NULL,
  "numeric"   text,
  name        text NOT NULL,
  aliases     text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (edition_id, code)
);

CREATE TABLE ref_tip_tiers (
  edition_id    bigint NOT NULL REFERENCES ref_edition(id) ON DELETE CASCADE,
  source_row    integer NOT NULL,
  year          integer NOT NULL,
  country_code  text NOT NULL,
  country_name  text NOT NULL,
  tier          text NOT NULL CHECK (tier IN ('1', '2', '2WL', '3', 'special_case')),
  PRIMARY KEY (edition_id, country_code, year)
);

CREATE TABLE ref_ilab_goods (
  edition_id          bigint NOT NULL REFERENCES ref_edition(id) ON DELETE CASCADE,
  source_row          integer NOT NULL,
  good                text NOT NULL,
  sector              text NOT NULL,
  country_code        text NOT NULL,
  country_name        text NOT NULL,
  region              text,
  child_labor         boolean NOT NULL,
  forced_labor        boolean NOT NULL,
  forced_child_labor  boolean NOT NULL,
  downstream          boolean NOT NULL,
  input_good          text,
  input_country_code  text,
  PRIMARY KEY (edition_id, good, country_code)
);
CREATE INDEX ref_ilab_goods_country ON ref_ilab_goods (edition_id, country_code);

CREATE TABLE ref_gsi (
  edition_id           bigint NOT NULL REFERENCES ref_edition(id) ON DELETE CASCADE,
  source_row           integer NOT NULL,
  country_code         text NOT NULL,
  country_name         text NOT NULL,
  region               text,
  population           bigint,
  prevalence_per_1000  double precision,
  estimated_number     bigint,
  PRIMARY KEY (edition_id, country_code)
);

CREATE TABLE ref_hs (
  edition_id   bigint NOT NULL REFERENCES ref_edition(id) ON DELETE CASCADE,
  source_row   integer NOT NULL,
  code         text NOT NULL,
  level        integer NOT NULL,
  parent       text,
  section      text NOT NULL,
  description  text NOT NULL,
  PRIMARY KEY (edition_id, code)
);
CREATE INDEX ref_hs_words ON ref_hs USING gin (to_tsvector('english', description));

CREATE TABLE ref_cpv (
  edition_id   bigint NOT NULL REFERENCES ref_edition(id) ON DELETE CASCADE,
  source_row   integer NOT NULL,
  code         text NOT NULL,
  check_digit  text NOT NULL,
  description  text NOT NULL,
  level        integer NOT NULL,
  parent       text,
  PRIMARY KEY (edition_id, code)
);
CREATE INDEX ref_cpv_words ON ref_cpv USING gin (to_tsvector('english', description));

CREATE TABLE ref_ilo_indicators (
  edition_id   bigint NOT NULL REFERENCES ref_edition(id) ON DELETE CASCADE,
  source_row   integer NOT NULL,
  "number"     integer NOT NULL,
  key          text NOT NULL,
  name         text NOT NULL,
  description  text NOT NULL,
  PRIMARY KEY (edition_id, "number")
);
