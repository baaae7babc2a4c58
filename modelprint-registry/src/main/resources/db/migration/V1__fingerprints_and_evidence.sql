-- The same SQL runs on SQLite and PostgreSQL; ${bytes_type} is BLOB on SQLite, BYTEA on PostgreSQL.

-- A registered fingerprint file (one scheme or a bundle), kept byte for byte.
CREATE TABLE fingerprints (
    id              VARCHAR(16)   NOT NULL PRIMARY KEY,
    content_sha256  VARCHAR(64)   NOT NULL UNIQUE,
    owner_name      VARCHAR(200)  NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    scheme          VARCHAR(400)  NOT NULL,
    access_level    VARCHAR(20)   NOT NULL,
    input_spec      TEXT          NOT NULL,
    classes         INTEGER       NOT NULL,
    queries         INTEGER       NOT NULL,
    target_sha256   VARCHAR(64),
    calibrated      INTEGER       NOT NULL,
    added_at        VARCHAR(40)   NOT NULL,
    file_sha256     VARCHAR(64)   NOT NULL,
    file_size       BIGINT        NOT NULL,
    file_bytes      ${bytes_type} NOT NULL
);

-- Every verification, appended only; record_hash = SHA-256 over the record's fields and previous_hash.
-- No foreign key to fingerprints: removing a fingerprint keeps the evidence that refers to it.
CREATE TABLE evidence (
    seq                 BIGINT            NOT NULL PRIMARY KEY,
    recorded_at         VARCHAR(40)       NOT NULL,
    tool_version        VARCHAR(200)      NOT NULL,
    suspect             TEXT              NOT NULL,
    suspect_sha256      VARCHAR(64),
    suspect_metadata    TEXT,
    fingerprint_id      VARCHAR(16)       NOT NULL,
    fingerprint_sha256  VARCHAR(64)       NOT NULL,
    scheme              VARCHAR(100)      NOT NULL,
    queries             INTEGER           NOT NULL,
    answers_sha256      VARCHAR(64)       NOT NULL,
    similarity          DOUBLE PRECISION  NOT NULL,
    threshold           DOUBLE PRECISION  NOT NULL,
    p_value             DOUBLE PRECISION,
    verdict             VARCHAR(20)       NOT NULL,
    previous_hash       VARCHAR(64)       NOT NULL,
    record_hash         VARCHAR(64)       NOT NULL
);

-- The chain's head: how many records there are and the last one's hash. Appends update it in the same
-- transaction (and only if it is still what they read), so appends are serialised and removing the
-- newest records is caught too.
CREATE TABLE evidence_head (
    id          INTEGER      NOT NULL PRIMARY KEY,
    records     BIGINT       NOT NULL,
    head_hash   VARCHAR(64)  NOT NULL
);
INSERT INTO evidence_head (id, records, head_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
