using System.Diagnostics;

using Npgsql;

using OrderGrid.Orders;

namespace OrderGrid.Silo.ReadModel;

/// <summary>
/// Keeps the PostgreSQL read model (orders, lines, timeline, shipments, daily sales) in step with the orders:
/// each delivered batch is written in one transaction and one round trip. Idempotent by design (see
/// <see cref="ReadModelStatements"/>): a batch delivered again after a crash or a failed delivery changes nothing.
/// </summary>
internal sealed partial class ReadModelWriter(NpgsqlDataSource dataSource, ILogger<ReadModelWriter> logger) : IOrderChangeConsumer
{
    public async Task Consume(IReadOnlyList<OrderChanged> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var batch = ReadModelBatch.From(changes);
        var orders = batch.Orders.Count;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var commands = Commands(batch, connection, transaction);
            await commands.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogWriteFailed(logger, failure, orders);
            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogWritten(logger, orders, batch.Timeline.Count, elapsed);
    }

    private static NpgsqlBatch Commands(ReadModelBatch batch, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var o = batch.Orders;
        var l = batch.Lines;
        var s = batch.Shipments;
        var t = batch.Timeline;
        var d = batch.Demand;
        var commands = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command(ReadModelStatements.UpsertOrders,
                    o.Id, o.Status, o.Channel, o.CustomerId, o.Email, o.Phone, o.ShipToName, o.ShipToCountry, o.ShipToCity,
                    o.ShipToPostalCode, o.Total, o.LineCount, o.ItemCount, o.WarehouseIds, o.Skus, o.HoldKinds,
                    o.PlacedAt, o.UpdatedAt, o.Version, o.Search),
                Command(ReadModelStatements.UpsertLines,
                    l.OrderId, l.Sku, l.Name, l.Quantity, l.UnitPrice, l.Reserved, l.Backordered, l.OrderVersion),
                Command(ReadModelStatements.DeleteStaleLines, o.Id, o.Version),
                Command(ReadModelStatements.AppendTimelineAndSales,
                    t.OrderId, t.Sequence, t.At, t.Kind, t.Description, t.ActorKind, t.ActorName, t.Status,
                    d.OrderId, d.Sequence, d.Sku, d.WarehouseId, d.Day, d.Channel, d.Quantity, d.Revenue),
            },
        };
        if (s.Count > 0)
        {
            commands.BatchCommands.Add(Command(ReadModelStatements.UpsertShipments,
                s.Id, s.OrderId, s.PickListId, s.Carrier, s.TrackingNumber, s.Status, s.UpdatedAt, s.OrderVersion));
        }

        return commands;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] columns)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var column in columns)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ToArray(column) });
        }

        return command;
    }

    private static object ToArray(object column) => column switch
    {
        List<string> x => x.ToArray(),
        List<int> x => x.ToArray(),
        List<long> x => x.ToArray(),
        List<decimal> x => x.ToArray(),
        List<DateTime> x => x.ToArray(),
        List<DateOnly> x => x.ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.GetType().Name, "Not a read-model column."),
    };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Read model: wrote {Orders} order(s), {Entries} timeline entries in {ElapsedMs:F1} ms")]
    private static partial void LogWritten(ILogger logger, int orders, int entries, double elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Read model: writing {Orders} order(s) failed; the orders keep the changes and deliver them again")]
    private static partial void LogWriteFailed(ILogger logger, Exception failure, int orders);
}