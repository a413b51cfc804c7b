-- Single sign-on with OpenID Connect, configured per organisation (tables sso_connections and sso_states
-- come from 0002).
--
-- The key that encrypts SSO client secrets at rest (AES-256-GCM, base64). Used only when VIGIL_SECRET_KEY is
-- not set: the first use generates it once. The tenant role has no grant on this table.
ALTER TABLE installation ADD COLUMN secret_key text;

-- Pending sign-ins are looked up by the hash of their state; expired ones are swept by expiry.
CREATE INDEX sso_states_expiry ON sso_states (expires_at);
CREATE INDEX sso_states_org ON sso_states (org_id);
