-- Due work without reminders (silo/Storage/Due): a grain state that has a wake-up time (IHasDueTime) stores it in
-- due_at, written by the same statement as the payload, so it is as durable as the state and costs no round trip of
-- its own; grain_type names the grain again from the row (GrainId = type + key). One scanner per silo reads the rows
-- whose time has passed through the partial index (only rows with a wake-up time are in it) and wakes their grains.
-- Both columns are NULL for rows written before: such a grain's old reminder still wakes it once, and its next write
-- records the time.
ALTER TABLE ordergrid_grain_state
    ADD COLUMN due_at     timestamptz,
    ADD COLUMN grain_type text;

CREATE INDEX ordergrid_grain_state_due ON ordergrid_grain_state (service_id, due_at) WHERE due_at IS NOT NULL;

-- The same for states kept by the Orleans AdoNet provider (OrderGrid:Storage:GrainStorage=AdoNet), which cannot write
-- the time in the state's statement: recorded before a state that needs it is written, deleted after one that needs
-- none was written (PostgresDueTable), so a crash in between can only cause one needless wake.
CREATE TABLE ordergrid_due_work
(
    service_id text        NOT NULL,
    grain_type text        NOT NULL,
    grain_key  text        NOT NULL,
    due_at     timestamptz NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_key)
);

CREATE INDEX ordergrid_due_work_due ON ordergrid_due_work (service_id, due_at);
