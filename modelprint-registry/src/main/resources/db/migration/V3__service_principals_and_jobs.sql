-- registry serve: who may call the service (principals and their bearer tokens) and the scans it runs (jobs).
-- The same SQL runs on SQLite and PostgreSQL.

-- a principal speaks for one role; an owner principal speaks for the registry owner name it is called by
CREATE TABLE principals (
    name        VARCHAR(200)  NOT NULL PRIMARY KEY,
    role        VARCHAR(20)   NOT NULL,
    created_at  VARCHAR(40)   NOT NULL
);

-- a bearer token is mpt_<token_id>_<secret>: the id finds the row, the secret is kept only as its SHA-256 and
-- compared in constant time; expires_at and revoked_at null: valid until revoked
CREATE TABLE principal_tokens (
    token_id        VARCHAR(32)   NOT NULL PRIMARY KEY,
    principal_name  VARCHAR(200)  NOT NULL,
    secret_sha256   VARCHAR(64)   NOT NULL,
    created_at      VARCHAR(40)   NOT NULL,
    expires_at      VARCHAR(40),
    revoked_at      VARCHAR(40)
);
CREATE INDEX principal_tokens_principal ON principal_tokens (principal_name);

-- a suspect a hub submitted: an upload (kept under a name the service chose) or an Open Inference Protocol URL.
-- status: queued, running, done or failed. A job is marked done in the transaction that appends its evidence, so
-- a job found running after a crash wrote no evidence and is run again (attempts counts the starts).
CREATE TABLE scan_jobs (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    submitted_by    VARCHAR(200)  NOT NULL,
    suspect_kind    VARCHAR(10)   NOT NULL,
    suspect         TEXT          NOT NULL,
    upload_file     VARCHAR(200),
    upload_sha256   VARCHAR(64),
    status          VARCHAR(10)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    submitted_at    VARCHAR(40)   NOT NULL,
    started_at      VARCHAR(40),
    finished_at     VARCHAR(40),
    error           TEXT,
    evidence_first  BIGINT,
    evidence_last   BIGINT,
    result          TEXT
);
CREATE INDEX scan_jobs_status ON scan_jobs (status);
CREATE INDEX scan_jobs_submitted_by ON scan_jobs (submitted_by);
