-- The Orleans ADO.NET providers ship no SQL: they read every statement they run from this table,
-- keyed by the names their code asks for (UpdateIAmAlivetimeKey, WriteToStorageKey, ...). The
-- migrations that follow fill it for PostgreSQL; parameter names (@DeploymentId, ...) and result
-- column names are the providers' contract and must not change.
CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);
