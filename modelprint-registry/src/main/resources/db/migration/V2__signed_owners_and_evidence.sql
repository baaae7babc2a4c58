-- Owners sign their fingerprints (Ed25519); the registry binds owner names and fingerprint ids to the key that
-- first registered them, records the owner in every new evidence record and signs its evidence chain.
-- Rows from before stay readable: their new columns are null (an entry registered unsigned, a record hashed as v1).

-- SHA-256 (hex) of the signer's public key (X.509 encoding); null for an entry registered before signatures
ALTER TABLE fingerprints ADD COLUMN owner_key VARCHAR(64);

-- an owner name belongs to the first key that registered a fingerprint under it
CREATE TABLE owners (
    owner_name  VARCHAR(200)  NOT NULL PRIMARY KEY,
    owner_key   VARCHAR(64)   NOT NULL,
    public_key  TEXT          NOT NULL,
    bound_at    VARCHAR(40)   NOT NULL
);

-- a fingerprint id belongs to the first key that registered it, also after registry remove: evidence that names
-- the id never comes to point at another owner
CREATE TABLE fingerprint_owners (
    id          VARCHAR(16)   NOT NULL PRIMARY KEY,
    owner_key   VARCHAR(64)   NOT NULL,
    owner_name  VARCHAR(200)  NOT NULL,
    bound_at    VARCHAR(40)   NOT NULL
);

-- hash_version 1: the record's hash covers the fields of V1 (older records); 2: also owner_name and owner_key.
-- registry_signature (base64 Ed25519, by the key registry_key names) is over record_hash, on the last record of
-- every append; it is not part of any hash.
ALTER TABLE evidence ADD COLUMN hash_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE evidence ADD COLUMN owner_name VARCHAR(200);
ALTER TABLE evidence ADD COLUMN owner_key VARCHAR(64);
ALTER TABLE evidence ADD COLUMN registry_key VARCHAR(64);
ALTER TABLE evidence ADD COLUMN registry_signature VARCHAR(100);

-- the public keys that signed evidence, by their SHA-256: an auditor compares them with the registry's published key
CREATE TABLE registry_keys (
    key_id      VARCHAR(64)   NOT NULL PRIMARY KEY,
    public_key  TEXT          NOT NULL,
    first_used  VARCHAR(40)   NOT NULL
);
