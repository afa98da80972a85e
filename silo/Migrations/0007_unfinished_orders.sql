-- Orders that may have unfinished steps (reserve, release, dispatch, ...): marked before the order's state records its
-- first step, unmarked (in batches) once every step is done, swept by each silo at start so that an order interrupted
-- by a crash finishes without waiting for a read (UnfinishedOrders, UnfinishedOrdersSweep).
CREATE TABLE unfinished_orders (
    order_id  text PRIMARY KEY,
    marked_at timestamptz NOT NULL DEFAULT now()
);