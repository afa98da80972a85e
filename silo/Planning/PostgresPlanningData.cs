using Npgsql;

using OrderGrid.Planning;
using OrderGrid.Planning.Serving;

namespace OrderGrid.Silo.Planning;

/// <summary>
/// Planning's sales history from the read model: <c>daily_sales</c> (live orders and imported history, cancellations
/// taken off) for demand, and the product lines of known customers (imported sales and live orders that were not
/// cancelled) for recommendations and segments.
/// </summary>
public sealed class PostgresPlanningData(NpgsqlDataSource database) : IPlanningData
{
    // A day of free lines only (price 0) is no sale: planning counts products sold at a price, like the backtest.
    private const string DemandSql = """
        SELECT sku, day, sum(quantity - cancelled_quantity)::integer, sum(revenue), sum(quantity)
        FROM daily_sales
        WHERE day >= $1 AND day < $2 AND ($3::text IS NULL OR sku = $3)
        GROUP BY sku, day
        HAVING sum(quantity - cancelled_quantity) > 0 AND sum(revenue) > 0
        """;

    // One row per customer, basket and SKU. Imported rows are sales of products (the import classified them); live
    // orders count once they passed review and unless they were cancelled.
    private const string PurchasesSql = """
        SELECT customer_id, invoice_no, stock_code, (min(invoiced_at) AT TIME ZONE 'UTC')::date, sum(quantity)::integer, max(unit_price)
        FROM sales_lines
        WHERE kind = 'sale' AND quantity > 0 AND unit_price > 0 AND customer_id IS NOT NULL
          AND invoiced_at >= $1::timestamp AT TIME ZONE 'UTC' AND invoiced_at < $2::timestamp AT TIME ZONE 'UTC'
        GROUP BY customer_id, invoice_no, stock_code
        UNION ALL
        SELECT o.customer_id, o.id, l.sku, (o.placed_at AT TIME ZONE 'UTC')::date, l.quantity, l.unit_price
        FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.status NOT IN ('Cancelled', 'AwaitingReview') AND l.quantity > 0 AND l.unit_price > 0
          AND o.placed_at >= $1::timestamp AT TIME ZONE 'UTC' AND o.placed_at < $2::timestamp AT TIME ZONE 'UTC'
        """;

    private const string WarehouseSalesSql = """
        SELECT warehouse_id, sku, sum(quantity - cancelled_quantity)::integer
        FROM daily_sales
        WHERE warehouse_id <> '' AND day >= $1 AND day < $2
        GROUP BY warehouse_id, sku
        HAVING sum(quantity - cancelled_quantity) > 0
        """;

    public Task<IReadOnlyList<ProductSale>> Demand(DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
        ReadDemand(null, from, until, cancellationToken);

    public Task<IReadOnlyList<ProductSale>> Demand(string sku, DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
        ReadDemand(sku, from, until, cancellationToken);

    public async Task<IReadOnlyList<Purchase>> Purchases(DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var purchases = new List<Purchase>();
        await using var command = database.CreateCommand(PurchasesSql);
        command.Parameters.Add(new() { Value = from.ToDateTime(TimeOnly.MinValue) });
        command.Parameters.Add(new() { Value = until.ToDateTime(TimeOnly.MinValue) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            purchases.Add(new Purchase(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetFieldValue<DateOnly>(3),
                reader.GetInt32(4),
                reader.GetDecimal(5)));
        }

        return purchases;
    }

    public async Task<IReadOnlyList<WarehouseSales>> WarehouseSales(DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var sales = new List<WarehouseSales>();
        await using var command = database.CreateCommand(WarehouseSalesSql);
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = until });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sales.Add(new WarehouseSales(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return sales;
    }

    private async Task<IReadOnlyList<ProductSale>> ReadDemand(string? sku, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var sales = new List<ProductSale>();
        await using var command = database.CreateCommand(DemandSql);
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = until });
        command.Parameters.Add(new() { Value = (object?)sku ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var gross = reader.GetInt64(4);
            var price = gross > 0 ? reader.GetDecimal(3) / gross : 0m;
            sales.Add(new ProductSale(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2), Math.Max(price, 0.0001m)));
        }

        return sales;
    }
}