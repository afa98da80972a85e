using Npgsql;

using OrderGrid.Orders;
using OrderGrid.Wall;

namespace OrderGrid.Silo.ReadModel;

/// <summary>
/// The wall's starting point from the read model: open orders and those changed within the last hour one by one,
/// older finished orders as counts by status and channel.
/// </summary>
public sealed class ReadModelWallHistory(NpgsqlDataSource database) : IOrderWallHistory
{
    private static readonly TimeSpan Recent = TimeSpan.FromHours(1);

    private const string RecentOrders = """
        SELECT id, channel, status, version, placed_at, updated_at FROM orders
        WHERE status NOT IN ('Completed', 'Cancelled') OR updated_at > $1
        """;

    private const string FinishedCounts = """
        SELECT status, channel, count(*) FROM orders
        WHERE status IN ('Completed', 'Cancelled') AND updated_at <= $1
        GROUP BY status, channel
        """;

    public async Task<WallHistory> Load(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Recent;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var recent = new List<OrderStatusChange>();
        await using (var command = new NpgsqlCommand(RecentOrders, connection) { Parameters = { new() { Value = since } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                recent.Add(new OrderStatusChange(
                    reader.GetString(0),
                    Channel(reader.GetString(1)),
                    Enum.Parse<OrderStatus>(reader.GetString(2)),
                    reader.GetInt64(3),
                    reader.GetFieldValue<DateTimeOffset>(4),
                    reader.GetFieldValue<DateTimeOffset>(5)));
            }
        }

        var byStatus = new Dictionary<OrderStatus, int>();
        var byChannel = new Dictionary<SalesChannel, int>();
        await using (var command = new NpgsqlCommand(FinishedCounts, connection) { Parameters = { new() { Value = since } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var count = (int)reader.GetInt64(2);
                var status = Enum.Parse<OrderStatus>(reader.GetString(0));
                var channel = Channel(reader.GetString(1));
                byStatus[status] = byStatus.GetValueOrDefault(status) + count;
                byChannel[channel] = byChannel.GetValueOrDefault(channel) + count;
            }
        }

        return new WallHistory(recent, byStatus, byChannel);
    }

    // Written as ReadModelBatch.ChannelName does: camelCase.
    private static SalesChannel Channel(string name) => Enum.Parse<SalesChannel>(name, ignoreCase: true);
}