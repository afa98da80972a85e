-- The read model: what staff search and list, the timeline history, shipments and the planners' daily sales.
-- Written only by ReadModelWriter (live orders) and the history import (daily_sales rows with source 'import');
-- grains never read it. Statuses are the API's words ('AwaitingReview'), channels too ('web', 'app', 'phone',
-- 'email', 'store').

-- Trusted extension (PostgreSQL 13+): a database owner may create it; substring search on 1M orders needs it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE orders (
    id                  text PRIMARY KEY,
    status              text NOT NULL,
    channel             text NOT NULL,
    customer_id         text NOT NULL,
    email               text,
    phone               text,
    ship_to_name        text,
    ship_to_country     text,
    ship_to_city        text,
    ship_to_postal_code text,
    total               numeric(14, 2) NOT NULL,
    line_count          integer NOT NULL,
    item_count          integer NOT NULL,
    -- Every warehouse the order has had stock allocated in or a pick list from (kept after a release).
    warehouse_ids       text[] NOT NULL DEFAULT '{}',
    skus                text[] NOT NULL DEFAULT '{}',
    hold_kinds          text[] NOT NULL DEFAULT '{}',
    placed_at           timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    -- The sequence of the order's newest timeline entry: a row is only ever replaced by a newer one.
    version             bigint NOT NULL,
    -- Lower-case id, customer id and email, separated by a character nobody types, so that one trigram index
    -- answers substring search on all three and a match never spans two fields. SKUs are matched exactly, on skus:
    -- every order has SKU-like codes, so their trigrams would narrow nothing down.
    search              text NOT NULL
);

-- The list query filters on one of these and orders by placed_at desc (id breaks ties, so paging is stable).
CREATE INDEX orders_placed_at_idx ON orders (placed_at DESC, id DESC);
CREATE INDEX orders_status_placed_at_idx ON orders (status, placed_at DESC, id DESC);
CREATE INDEX orders_channel_placed_at_idx ON orders (channel, placed_at DESC, id DESC);
CREATE INDEX orders_customer_placed_at_idx ON orders (customer_id, placed_at DESC, id DESC);
CREATE INDEX orders_total_idx ON orders (total, id);
CREATE INDEX orders_skus_idx ON orders USING gin (skus);
CREATE INDEX orders_warehouse_ids_idx ON orders USING gin (warehouse_ids);
CREATE INDEX orders_search_idx ON orders USING gin (search gin_trgm_ops);

CREATE TABLE order_lines (
    order_id             text NOT NULL,
    sku                  text NOT NULL,
    name                 text NOT NULL,
    quantity             integer NOT NULL,
    unit_price           numeric(14, 2) NOT NULL,
    reserved_quantity    integer NOT NULL,
    backordered_quantity integer NOT NULL,
    -- The order version this line was written from: lines are replaced only by a newer snapshot.
    order_version        bigint NOT NULL,
    PRIMARY KEY (order_id, sku)
);

CREATE INDEX order_lines_sku_idx ON order_lines (sku);

-- Append-only: an entry is written once per (order id, sequence), however often it is delivered.
CREATE TABLE order_timeline (
    order_id    text NOT NULL,
    sequence    bigint NOT NULL,
    at          timestamptz NOT NULL,
    kind        text NOT NULL,
    description text NOT NULL,
    actor_kind  text NOT NULL,
    actor_name  text NOT NULL,
    status      text NOT NULL,
    PRIMARY KEY (order_id, sequence)
);

CREATE INDEX order_timeline_at_idx ON order_timeline USING brin (at);

CREATE TABLE shipments (
    id              text PRIMARY KEY,
    order_id        text NOT NULL,
    pick_list_id    text NOT NULL,
    carrier         text NOT NULL,
    tracking_number text NOT NULL,
    status          text NOT NULL,
    updated_at      timestamptz NOT NULL,
    order_version   bigint NOT NULL
);

CREATE INDEX shipments_order_id_idx ON shipments (order_id);
CREATE INDEX shipments_tracking_number_idx ON shipments (tracking_number);

-- The planners' history: demand per day, SKU, warehouse and channel. 'live' rows come from orders as they are
-- reserved or backordered (counted once per order) and cancelled; 'import' rows from past orders (CSV import).
-- quantity and revenue are gross demand; cancelled_quantity is the part of it that was cancelled afterwards.
CREATE TABLE daily_sales (
    day                date NOT NULL,
    sku                text NOT NULL,
    warehouse_id       text NOT NULL DEFAULT '',
    channel            text NOT NULL,
    source             text NOT NULL CHECK (source IN ('live', 'import')),
    quantity           integer NOT NULL DEFAULT 0,
    cancelled_quantity integer NOT NULL DEFAULT 0,
    revenue            numeric(14, 2) NOT NULL DEFAULT 0,
    order_count        integer NOT NULL DEFAULT 0,
    PRIMARY KEY (day, sku, warehouse_id, channel, source)
);

CREATE INDEX daily_sales_sku_day_idx ON daily_sales (sku, day);

-- What each live order added to daily_sales, so that a cancellation takes back exactly that, even when the
-- order's allocations were already released by the time the cancellation is delivered.
CREATE TABLE order_sales (
    order_id     text NOT NULL,
    sku          text NOT NULL,
    warehouse_id text NOT NULL,
    day          date NOT NULL,
    channel      text NOT NULL,
    quantity     integer NOT NULL,
    revenue      numeric(14, 2) NOT NULL,
    PRIMARY KEY (order_id, sku, warehouse_id)
);
