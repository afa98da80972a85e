using Microsoft.Extensions.Logging.Abstractions;

using OrderGrid.Silo.Migrations;
using OrderGrid.Silo.Recovery;

namespace OrderGrid.Tests.Storage;

/// <summary>The durable list of unfinished orders: marks are committed before they are answered, in shared batches.</summary>
[Trait(Lane.Name, Lane.System)]
public sealed class UnfinishedOrdersTests
{
    [Fact]
    public async Task Concurrent_marks_share_batches_and_the_last_word_for_an_order_wins()
    {
        var server = await PostgresServer.Shared;
        await using var dataSource = PostgresServer.DataSource(await server.CreateDatabaseAsync("unfinished_orders"));
        await new Migrator(dataSource, MigratorScript.Embedded()).MigrateAsync();
        var unfinished = new UnfinishedOrders(dataSource, NullLogger<UnfinishedOrders>.Instance);
        var ids = Enumerable.Range(1, 200).Select(i => $"OG-MARK-{i:D4}").ToArray();

        await Task.WhenAll(ids.Select(unfinished.Mark));
        Assert.Equal(ids.Order(StringComparer.Ordinal), (await unfinished.List(TimeSpan.Zero, 1000, default)).Order(StringComparer.Ordinal));
        Assert.True(unfinished.Batches < ids.Length, $"{unfinished.Batches} batches for {ids.Length} marks");

        foreach (var id in ids.Take(150))
        {
            unfinished.Finished(id);
        }

        // Finished, then marked again before the batch went: still marked.
        unfinished.Finished(ids[199]);
        await unfinished.Mark(ids[0]);
        await unfinished.Mark(ids[199]);

        Assert.Equal([ids[0], .. ids.Skip(150)], (await unfinished.List(TimeSpan.Zero, 1000, default)).Order(StringComparer.Ordinal));
        Assert.Empty(await unfinished.List(TimeSpan.FromHours(1), 1000, default));
    }
}