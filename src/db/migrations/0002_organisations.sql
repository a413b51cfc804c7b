-- Organisations, people, roles, sign-in and the audit trail.
--
-- Tenant tables carry org_id as the first column of every key (Citus shards by it). Row-level security is
-- the second wall behind the service layer's org filter: tenant work runs as role vigil_app with
-- vigil.org_id set for the transaction, and the policies below let it see only that organisation's rows.
-- Work that must cross organisations (sign-in, token lookup, accepting an invitation) runs as the owner.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vigil_app') THEN
    CREATE ROLE vigil_app NOLOGIN;
  END IF;
END
$$;

CREATE TABLE installation (
  id                  integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  setup_token_hash    text,
  setup_completed_at  timestamptz
);
INSERT INTO installation (id) VALUES (1);

CREATE TABLE organisations (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  country            text,
  kind               text NOT NULL CHECK (kind IN ('public_body', 'international_organisation', 'company', 'ngo')),
  employees          integer CHECK (employees >= 0),
  turnover           numeric CHECK (turnover >= 0),
  turnover_currency  text CHECK (turnover_currency ~ '^[A-Z]{3}$'),
  financial_year_end text CHECK (financial_year_end ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  is_demo            boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email            text NOT NULL,
  email_key        text NOT NULL UNIQUE,
  name             text NOT NULL,
  password_hash    text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at  timestamptz
);

CREATE TABLE memberships (
  org_id      bigint NOT NULL REFERENCES organisations(id),
  user_id     bigint NOT NULL REFERENCES users(id),
  role        text NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE invitations (
  org_id       bigint NOT NULL REFERENCES organisations(id),
  id           bigint GENERATED ALWAYS AS IDENTITY,
  email        text NOT NULL,
  role         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  invited_by   bigint NOT NULL REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  accepted_at  timestamptz,
  accepted_by  bigint REFERENCES users(id),
  revoked_at   timestamptz,
  PRIMARY KEY (org_id, id)
);

CREATE TABLE sessions (
  token_hash      text PRIMARY KEY,
  user_id         bigint NOT NULL REFERENCES users(id),
  current_org_id  bigint REFERENCES organisations(id),
  csrf_token      text NOT NULL,
  via             text NOT NULL DEFAULT 'password',
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  last_seen_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  org_id        bigint NOT NULL REFERENCES organisations(id),
  id            bigint GENERATED ALWAYS AS IDENTITY,
  user_id       bigint NOT NULL REFERENCES users(id),
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  prefix        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz,
  PRIMARY KEY (org_id, id)
);

CREATE TABLE password_resets (
  token_hash  text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

-- Failed sign-ins counted per account key and per client address, whether or not the account exists, so
-- a lockout reveals nothing about which e-mail addresses have accounts.
CREATE TABLE auth_throttle (
  key           text PRIMARY KEY,
  failures      integer NOT NULL DEFAULT 0,
  window_start  timestamptz NOT NULL DEFAULT now(),
  locked_until  timestamptz
);

CREATE TABLE sso_connections (
  org_id             bigint PRIMARY KEY REFERENCES organisations(id),
  issuer             text NOT NULL,
  client_id          text NOT NULL,
  client_secret_enc  text NOT NULL,
  enabled            boolean NOT NULL DEFAULT true,
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sso_states (
  state_hash     text PRIMARY KEY,
  org_id         bigint NOT NULL REFERENCES organisations(id),
  code_verifier  text NOT NULL,
  nonce          text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL
);

-- The audit trail: append-only, one hash chain per organisation (org_id 0 holds installation-wide events
-- such as a failed sign-in for an unknown address). Each entry's hash covers its content and the previous
-- entry's hash, so an edited or deleted row breaks the chain and `vigil audit verify` names it.
CREATE TABLE audit_log (
  org_id         bigint NOT NULL,
  seq            bigint NOT NULL,
  at             timestamptz NOT NULL,
  actor_user_id  bigint,
  actor          text NOT NULL,
  action         text NOT NULL,
  entity_type    text,
  entity_id      text,
  before         jsonb,
  after          jsonb,
  ip             text,
  prev_hash      text NOT NULL,
  hash           text NOT NULL,
  PRIMARY KEY (org_id, seq)
);
CREATE INDEX audit_log_at ON audit_log (org_id, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Second wall: policies for the tenant role.
CREATE FUNCTION vigil_org() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('vigil.org_id', true), '')::bigint
$$;

ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON organisations USING (id = vigil_org()) WITH CHECK (id = vigil_org());
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON memberships USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON invitations USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON api_tokens USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE sso_connections ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON sso_connections USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_log USING (org_id = vigil_org()) WITH CHECK (org_id = vigil_org());

GRANT SELECT, INSERT, UPDATE ON organisations, memberships, invitations, api_tokens, sso_connections TO vigil_app;
GRANT DELETE ON sso_connections TO vigil_app;
GRANT SELECT, INSERT ON audit_log TO vigil_app;
-- People are shared across organisations: tenant work sees only the members of its own organisation.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON users USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.org_id = vigil_org()));
GRANT SELECT ON users TO vigil_app;
GRANT SELECT ON ref_edition, ref_countries, ref_tip_tiers, ref_ilab_goods, ref_gsi, ref_hs, ref_cpv, ref_ilo_indicators TO vigil_app;
