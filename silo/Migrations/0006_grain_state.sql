-- OrderGrid's own grain storage (silo/Storage/GrainState): one row per grain state, keyed the way the AdoNet rows were
-- (service, state name, grain key; state names are unique across grain classes: StateNameTests). The payload is the
-- same Orleans binary serialization; version is the ETag (1 on insert, +1 on every write or clear; a clear keeps the
-- row with a NULL payload). Writes of many grains are committed together, one conditional statement per grain.
CREATE TABLE ordergrid_grain_state
(
    service_id  text        NOT NULL,
    state_name  text        NOT NULL,
    grain_key   text        NOT NULL,
    payload     bytea,
    version     integer     NOT NULL,
    modified_on timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, state_name, grain_key)
);

-- A database written by the AdoNet provider keeps its state: its rows are copied with their versions (string-keyed
-- grains, which all stateful OrderGrid grains are, have N0 = N1 = 0 and the whole key in GrainIdExtensionString).
-- OrleansStorage stays as it was and is no longer written.
INSERT INTO ordergrid_grain_state (service_id, state_name, grain_key, payload, version, modified_on)
SELECT ServiceId, GrainTypeString, GrainIdExtensionString, PayloadBinary, Version, ModifiedOn
FROM OrleansStorage
WHERE GrainIdN0 = 0 AND GrainIdN1 = 0 AND GrainIdExtensionString IS NOT NULL
ON CONFLICT DO NOTHING;