using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using Npgsql;

using OrderGrid.Silo.Storage;
using OrderGrid.Silo.Storage.GrainState;

namespace OrderGrid.Tests.Storage;

/// <summary>
/// An order placed through the API on real PostgreSQL with an id the API minted (no Idempotency-Key): neither the
/// order, nor its notification outbox, nor its guest customer asks the database for state it cannot have. An order
/// with an Idempotency-Key may exist already, so it reads its own state; when that finds no row, its outbox and its
/// guest cannot have one either, and do not read.
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class FreshOrderReadTests
{
    [Fact]
    public async Task An_order_with_a_minted_id_reads_no_state_and_one_with_an_idempotency_key_does()
    {
        var server = await PostgresServer.Shared;
        var reads = new ConcurrentQueue<GrainStateKey>();
        await using var app = await new PostgresApp(await server.CreateDatabaseAsync("fresh_orders"))
        {
            TestServices = services => services.AddSingleton<IGrainStateStore>(sp => new RecordingStore(
                new PostgresGrainStateStore(sp.GetRequiredKeyedService<NpgsqlDataSource>(StorageServiceCollectionExtensions.GrainStateDataSource)), reads)),
        }.StartedAsync();
        var sku = await ApiCalls.Product(app.Ops, "uk-north", 10);

        var minted = await Place(app.CreateClient(), sku, idempotencyKey: null);
        var keyed = await Place(app.CreateClient(), sku, idempotencyKey: ApiCalls.Unique("key"));
        foreach (var orderId in new[] { minted, keyed })
        {
            // The change feed queues the confirmation in the order's outbox: the outbox has activated.
            await ApiCalls.Eventually(() => Notifications(app.Ops, orderId), list => list.Count > 0, $"the notifications of {orderId}");
        }

        bool Read(string grainKey) => reads.Any(r => r.GrainKey == grainKey);
        Assert.False(Read(minted), $"read state of {minted}: {string.Join(", ", reads.Where(r => r.GrainKey == minted))}");
        Assert.False(Read($"guest-{minted}"));
        // The keyed order reads its own state; finding none, it knows its outbox and its guest have none either.
        Assert.Contains(reads, r => r.StateName == "order" && r.GrainKey == keyed);
        Assert.DoesNotContain(reads, r => r.StateName == "outbox" && r.GrainKey == keyed);
        Assert.DoesNotContain(reads, r => r.StateName == "customer" && r.GrainKey == $"guest-{keyed}");

        // The minted order was stored all the same, and reads back as placed.
        Assert.Equal("Reserved", ApiCalls.Text((await ApiCalls.Order(app.Ops, minted))["status"]));
    }

    private static async Task<string> Place(HttpClient client, string sku, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                email = "fresh@example.com",
                channel = "web",
                lines = new[] { new { sku, quantity = 1 } },
                shipTo = new { name = "Ada Lovelace", line1 = "12 St James Sq", city = "London", postalCode = "SW1Y 4JH", country = "GB" },
            }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return ApiCalls.Text(JsonNode.Parse(text)!["id"]);
    }

    private static async Task<JsonArray> Notifications(HttpClient ops, string orderId)
    {
        using var response = await ops.GetAsync(new Uri($"/api/orders/{orderId}/notifications", UriKind.Relative));
        return (JsonArray)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private sealed class RecordingStore(IGrainStateStore inner, ConcurrentQueue<GrainStateKey> reads) : IGrainStateStore
    {
        public Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken = default)
        {
            reads.Enqueue(key);
            return inner.ReadAsync(key, cancellationToken);
        }

        public Task<IReadOnlyList<int?>> CommitAsync(IReadOnlyList<GrainStateChange> changes, CancellationToken cancellationToken = default) =>
            inner.CommitAsync(changes, cancellationToken);
    }
}