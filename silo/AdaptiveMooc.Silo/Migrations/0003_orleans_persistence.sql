-- Orleans ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet 10.4.x) on PostgreSQL.
-- One row per (service, state name, grain key). The provider keys rows by the state name given in
-- [PersistentState("name", ...)] and the grain key, NOT by grain type: two grain classes must never
-- use the same state name. Version is the ETag: a write or clear with a stale version changes
-- nothing and answers the old version, which the provider turns into InconsistentStateException.

CREATE TABLE orleansstorage
(
    grainidhash            integer     NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    graintypehash          integer     NOT NULL,
    graintypestring        text        NOT NULL,
    grainidextensionstring text        NULL,
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea       NULL,
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    version                integer     NOT NULL
);

-- Uniqueness makes the first write of a grain race-free (two activations in a split brain cannot both
-- insert). md5 keeps index entries small whatever the key length; NULL and '' stay distinct.
CREATE UNIQUE INDEX ux_orleansstorage_grain ON orleansstorage
    (grainidhash, graintypehash, grainidn0, grainidn1, serviceid,
     md5(graintypestring), md5(COALESCE(grainidextensionstring, '')), (grainidextensionstring IS NULL));

CREATE FUNCTION orleans_write_to_storage(
    p_grainidhash integer, p_grainidn0 bigint, p_grainidn1 bigint, p_graintypehash integer,
    p_graintypestring text, p_grainidextensionstring text, p_serviceid text,
    p_grainstateversion integer, p_payloadbinary bytea)
RETURNS TABLE (newgrainstateversion integer)
LANGUAGE plpgsql AS
$func$
DECLARE
    written integer;
BEGIN
    IF p_grainstateversion IS NULL THEN
        INSERT INTO orleansstorage
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring,
             serviceid, payloadbinary, modifiedon, version)
        VALUES
            (p_grainidhash, p_grainidn0, p_grainidn1, p_graintypehash, p_graintypestring, p_grainidextensionstring,
             p_serviceid, p_payloadbinary, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING version INTO written;
    ELSE
        UPDATE orleansstorage
        SET payloadbinary = p_payloadbinary, modifiedon = now(), version = version + 1
        WHERE grainidhash = p_grainidhash AND graintypehash = p_graintypehash
          AND grainidn0 = p_grainidn0 AND grainidn1 = p_grainidn1
          AND serviceid = p_serviceid AND graintypestring = p_graintypestring
          AND grainidextensionstring IS NOT DISTINCT FROM p_grainidextensionstring
          AND version = p_grainstateversion
        RETURNING version INTO written;
    END IF;
    -- Not written: hand back the caller's own version so the provider reports the conflict.
    RETURN QUERY SELECT COALESCE(written, p_grainstateversion);
END
$func$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('WriteToStorageKey', $q$
    SELECT newgrainstateversion AS "NewGrainStateVersion"
    FROM orleans_write_to_storage(
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
        @ServiceId, @GrainStateVersion, @PayloadBinary);
$q$),
('ReadFromStorageKey', $q$
    SELECT payloadbinary, version
    FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),
('ClearStorageKey', $q$
    UPDATE orleansstorage
    SET payloadbinary = NULL, modifiedon = now(), version = version + 1
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version AS "NewGrainStateVersion";
$q$),
-- Used only with DeleteStateOnClear = true.
('DeleteStorageKey', $q$
    DELETE FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash
      AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1
      AND serviceid = @ServiceId AND graintypestring = @GrainTypeString
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version + 1 AS "NewGrainStateVersion";
$q$);
