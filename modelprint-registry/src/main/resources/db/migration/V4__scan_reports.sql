-- registry serve: the ownership report pages of a finished scan job, one per audience: 'hub' (every verdict, no
-- fingerprint's queries) and 'owner:<name>' (that owner's fingerprints only, with their queries). Written in the
-- transaction that marks the job done, so a done job has its pages and a job run again after a crash writes them once.
CREATE TABLE scan_reports (
    job_id    VARCHAR(40)   NOT NULL,
    audience  VARCHAR(210)  NOT NULL,
    html      TEXT          NOT NULL,
    PRIMARY KEY (job_id, audience)
);
