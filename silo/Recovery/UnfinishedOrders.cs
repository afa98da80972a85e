using Npgsql;

using NpgsqlTypes;

using OrderGrid.Orders;

namespace OrderGrid.Silo.Recovery;

/// <summary>
/// The unfinished-orders list in PostgreSQL (<c>unfinished_orders</c>), written by group commit: one batch in flight,
/// the marks and unmarks that arrive meanwhile ride the next, a lone one goes at once (no timer). A batch is one
/// round trip and one transaction (an Npgsql batch: the unmarks, then the marks — the last word for an order wins).
/// A mark is answered only once its batch is committed; a failed batch fails its marks (the order's write does not
/// happen) and leaves its unmarks for the sweep.
/// </summary>
public sealed partial class UnfinishedOrders(NpgsqlDataSource dataSource, ILogger<UnfinishedOrders> logger) : IUnfinishedOrders
{
    private readonly Lock gate = new();
    private Dictionary<string, bool> queued = new(StringComparer.Ordinal);
    private TaskCompletionSource? next;
    private bool writing;

    /// <summary>Batches written since start.</summary>
    public long Batches { get; private set; }

    public Task Mark(string orderId) => Enqueue(orderId, marked: true);

    public void Finished(string orderId) => Enqueue(orderId, marked: false);

    private Task Enqueue(string orderId, bool marked)
    {
        lock (gate)
        {
            queued[orderId] = marked;
            next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!writing)
            {
                writing = true;
                _ = Task.Run(WriteBatches);
            }

            return next.Task;
        }
    }

    private async Task WriteBatches()
    {
        while (true)
        {
            Dictionary<string, bool> batch;
            TaskCompletionSource done;
            lock (gate)
            {
                if (queued.Count == 0 || next is null)
                {
                    writing = false;
                    return;
                }

                (batch, done, queued, next) = (queued, next, new(StringComparer.Ordinal), null);
            }

            try
            {
                await Write(batch);
                Batches++;
                done.SetResult();
            }
            catch (Exception failure) when (failure is not OutOfMemoryException)
            {
                LogBatchFailed(logger, failure, batch.Count);

                // Observed here, so that a batch holding only unmarks (nobody waits on them) raises nothing later.
                done.SetException(failure);
                _ = done.Task.Exception;
            }
        }
    }

    private async Task Write(Dictionary<string, bool> batch)
    {
        var marked = batch.Where(x => x.Value).Select(x => x.Key).ToArray();
        var finished = batch.Where(x => !x.Value).Select(x => x.Key).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var statements = new NpgsqlBatch(connection);
        if (finished.Length > 0)
        {
            statements.BatchCommands.Add(new NpgsqlBatchCommand("DELETE FROM unfinished_orders WHERE order_id = ANY($1)")
            {
                Parameters = { new NpgsqlParameter { Value = finished, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } },
            });
        }

        if (marked.Length > 0)
        {
            statements.BatchCommands.Add(new NpgsqlBatchCommand("INSERT INTO unfinished_orders (order_id) SELECT unnest($1::text[]) ON CONFLICT (order_id) DO NOTHING")
            {
                Parameters = { new NpgsqlParameter { Value = marked, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } },
            });
        }

        await statements.ExecuteNonQueryAsync();
    }

    /// <summary>The marked orders, oldest first; with <paramref name="olderThan"/>, only those marked longer ago.</summary>
    public async Task<IReadOnlyList<string>> List(TimeSpan olderThan, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT order_id FROM unfinished_orders WHERE marked_at <= now() - $1 ORDER BY marked_at LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = olderThan });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Unfinished orders: writing a batch of {Count} mark(s) failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception failure, int count);
}