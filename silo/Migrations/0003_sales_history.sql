-- Past orders imported from CSV (Online Retail format), one row per file row, kept as they were so that
-- daily_sales (source 'import') can be recomputed from them. Written only by the history import.
CREATE TABLE sales_lines (
    invoice_no  text NOT NULL,
    -- The row's position within its invoice in the file: the file has no line ids of its own.
    line_no     integer NOT NULL,
    stock_code  text NOT NULL,
    description text,
    quantity    integer NOT NULL,
    invoiced_at timestamptz NOT NULL,
    unit_price  numeric(14, 4) NOT NULL,
    customer_id text,
    country     text,
    kind        text NOT NULL CHECK (kind IN ('sale', 'cancellation', 'non-product', 'adjustment')),
    PRIMARY KEY (invoice_no, line_no)
);

-- Recomputing the days an import touched reads their rows by time.
CREATE INDEX sales_lines_invoiced_at_idx ON sales_lines (invoiced_at);
