-- Planning model versions: each training run stores one row, never changed afterwards. The newest row serves; a
-- restarted silo loads it instead of retraining. The model parts are the engines' own binary formats.
CREATE TABLE planning_models (
    version          bigserial PRIMARY KEY,
    trained_at       timestamptz NOT NULL,
    trained_from     date NOT NULL,
    trained_until    date NOT NULL,
    skus             integer NOT NULL,
    customers        integer NOT NULL,
    training_seconds double precision NOT NULL,
    -- ModelEvaluation as JSON: hold-out figures of this version against the baselines.
    evaluation       jsonb NOT NULL,
    demand_model     bytea NOT NULL,
    recommendations  bytea,
    segments         bytea
);
