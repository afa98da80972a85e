using OrderGrid.Orders;

namespace OrderGrid.Silo.ReadModel;

/// <summary>
/// The statements of one read-model write. Each makes its own table idempotent: views replace rows only when their
/// version is newer, timeline entries are written once per (order id, sequence), and daily sales change only for
/// timeline entries this very statement wrote, so a redelivered batch changes nothing.
/// </summary>
internal static class ReadModelStatements
{
    public const string UpsertOrders = """
        INSERT INTO orders (id, status, channel, customer_id, email, phone, ship_to_name, ship_to_country, ship_to_city,
                            ship_to_postal_code, total, line_count, item_count, warehouse_ids, skus, hold_kinds,
                            placed_at, updated_at, version, search)
        SELECT id, status, channel, customer_id, email, phone, ship_to_name, ship_to_country, ship_to_city,
               ship_to_postal_code, total, line_count, item_count, string_to_array(warehouse_ids, chr(31)),
               string_to_array(skus, chr(31)), string_to_array(hold_kinds, chr(31)), placed_at, updated_at, version, search
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                    $9::text[], $10::text[], $11::numeric[], $12::integer[], $13::integer[], $14::text[], $15::text[],
                    $16::text[], $17::timestamptz[], $18::timestamptz[], $19::bigint[], $20::text[])
             AS o(id, status, channel, customer_id, email, phone, ship_to_name, ship_to_country, ship_to_city,
                  ship_to_postal_code, total, line_count, item_count, warehouse_ids, skus, hold_kinds,
                  placed_at, updated_at, version, search)
        ON CONFLICT (id) DO UPDATE SET
            status = excluded.status, channel = excluded.channel, customer_id = excluded.customer_id,
            email = excluded.email, phone = excluded.phone, ship_to_name = excluded.ship_to_name,
            ship_to_country = excluded.ship_to_country, ship_to_city = excluded.ship_to_city,
            ship_to_postal_code = excluded.ship_to_postal_code, total = excluded.total,
            line_count = excluded.line_count, item_count = excluded.item_count,
            warehouse_ids = ARRAY(SELECT DISTINCT w FROM unnest(orders.warehouse_ids || excluded.warehouse_ids) AS w ORDER BY w),
            skus = excluded.skus, hold_kinds = excluded.hold_kinds, placed_at = excluded.placed_at,
            updated_at = excluded.updated_at, version = excluded.version, search = excluded.search
        WHERE orders.version < excluded.version
        """;

    public const string UpsertLines = """
        INSERT INTO order_lines (order_id, sku, name, quantity, unit_price, reserved_quantity, backordered_quantity, order_version)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::numeric[], $6::integer[], $7::integer[], $8::bigint[])
        ON CONFLICT (order_id, sku) DO UPDATE SET
            name = excluded.name, quantity = excluded.quantity, unit_price = excluded.unit_price,
            reserved_quantity = excluded.reserved_quantity, backordered_quantity = excluded.backordered_quantity,
            order_version = excluded.order_version
        WHERE order_lines.order_version < excluded.order_version
        """;

    /// <summary>After the upsert every current line carries the newest version: older ones are no longer lines.</summary>
    public const string DeleteStaleLines = """
        DELETE FROM order_lines AS l
        USING unnest($1::text[], $2::bigint[]) AS o(id, version)
        WHERE l.order_id = o.id AND l.order_version < o.version
        """;

    public const string UpsertShipments = """
        INSERT INTO shipments (id, order_id, pick_list_id, carrier, tracking_number, status, updated_at, order_version)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::bigint[])
        ON CONFLICT (id) DO UPDATE SET
            order_id = excluded.order_id, pick_list_id = excluded.pick_list_id, carrier = excluded.carrier,
            tracking_number = excluded.tracking_number, status = excluded.status, updated_at = excluded.updated_at,
            order_version = excluded.order_version
        WHERE shipments.order_version < excluded.order_version
        """;

    /// <summary>
    /// Timeline entries, and daily sales from the entries that are new: demand at an order's first reservation or
    /// backorder (the candidate rows $9–$16 are kept only when their entry was inserted here), and at a new
    /// cancellation exactly what that order had added. One statement, so all of it sees one snapshot.
    /// </summary>
    public const string AppendTimelineAndSales = $$"""
        WITH new_entries AS (
            INSERT INTO order_timeline (order_id, sequence, at, kind, description, actor_kind, actor_name, status)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
            ON CONFLICT (order_id, sequence) DO NOTHING
            RETURNING order_id, sequence, kind
        ),
        counted AS (
            INSERT INTO order_sales (order_id, sku, warehouse_id, day, channel, quantity, revenue)
            SELECT d.order_id, d.sku, d.warehouse_id, d.day, d.channel, d.quantity, d.revenue
            FROM unnest($9::text[], $10::bigint[], $11::text[], $12::text[], $13::date[], $14::text[], $15::integer[], $16::numeric[])
                 AS d(order_id, sequence, sku, warehouse_id, day, channel, quantity, revenue)
            JOIN new_entries AS n ON n.order_id = d.order_id AND n.sequence = d.sequence
            ON CONFLICT (order_id, sku, warehouse_id) DO NOTHING
            RETURNING order_id, sku, warehouse_id, day, channel, quantity, revenue
        ),
        cancelled AS (
            SELECT s.day, s.sku, s.warehouse_id, s.channel, s.quantity
            FROM new_entries AS n
            JOIN order_sales AS s ON s.order_id = n.order_id
            WHERE n.kind = '{{EventKinds.OrderCancelled}}'
            UNION ALL
            SELECT c.day, c.sku, c.warehouse_id, c.channel, c.quantity
            FROM new_entries AS n
            JOIN counted AS c ON c.order_id = n.order_id
            WHERE n.kind = '{{EventKinds.OrderCancelled}}'
        ),
        sales AS (
            SELECT day, sku, warehouse_id, channel, quantity, 0 AS cancelled_quantity, revenue, order_id FROM counted
            UNION ALL
            SELECT day, sku, warehouse_id, channel, 0, quantity, 0, NULL FROM cancelled
        )
        INSERT INTO daily_sales AS d (day, sku, warehouse_id, channel, source, quantity, cancelled_quantity, revenue, order_count)
        SELECT day, sku, warehouse_id, channel, 'live', sum(quantity), sum(cancelled_quantity), sum(revenue), count(DISTINCT order_id)
        FROM sales
        GROUP BY day, sku, warehouse_id, channel
        ORDER BY day, sku, warehouse_id, channel
        ON CONFLICT (day, sku, warehouse_id, channel, source) DO UPDATE SET
            quantity = d.quantity + excluded.quantity,
            cancelled_quantity = d.cancelled_quantity + excluded.cancelled_quantity,
            revenue = d.revenue + excluded.revenue,
            order_count = d.order_count + excluded.order_count
        """;
}