using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Faults;

/// <summary>One order placement as the client saw it: its key and body, and the answer (status 0: no answer at all).</summary>
public sealed record OrderAttempt(string Node, string Key, string CustomerId, string Sku, int Quantity, int Status, string? OrderId, string? RetryAfter, string? ContentType, string Body)
{
    public bool Acknowledged => Status == (int)HttpStatusCode.Created;
}

/// <summary>
/// Clients placing single-line web orders (1 or 2 units of one of <paramref name="skus"/>) in a loop until told to
/// stop, each request with its own Idempotency-Key, every answer recorded as it arrives; a failed request can be
/// sent again later with the same key and body, as a client would.
/// </summary>
public sealed class OrderTraffic(IReadOnlyList<string> skus)
{
    public const string Warehouse = "uk-north";

    private readonly ConcurrentQueue<OrderAttempt> attempts = new();

    public IReadOnlyCollection<OrderAttempt> Attempts => attempts;

    public int Acknowledged => attempts.Count(a => a.Acknowledged);

    /// <summary>Runs <paramref name="clientsPerNode"/> clients against each node until <paramref name="stop"/>.</summary>
    public Task Run(IReadOnlyList<(string Node, HttpClient Client)> nodes, int clientsPerNode, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return Task.WhenAll(nodes.SelectMany(node => Enumerable.Range(0, clientsPerNode).Select(i => Client(node.Node, node.Client, i, stop))));
    }

    /// <summary>How many attempts got which answer, per node.</summary>
    public static string Summary(IEnumerable<OrderAttempt> attempts) =>
        string.Join("; ", attempts.GroupBy(a => (a.Node, a.Status)).OrderBy(g => g.Key).Select(g => $"{g.Key.Node} {g.Key.Status}: {g.Count()}"));

    /// <summary>
    /// Sends each failed order again with its key and body (eight at a time) until it is answered 200 (it had been
    /// placed: the answer finishes what was left) or 201 (placed now); answers the final attempts.
    /// </summary>
    public static async Task<List<OrderAttempt>> RetryUntilAnswered(HttpClient client, IEnumerable<OrderAttempt> failed)
    {
        var answered = new ConcurrentQueue<OrderAttempt>();
        await Parallel.ForEachAsync(failed, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (earlier, _) => answered.Enqueue(await ApiCalls.Eventually(
            () => Place(client, earlier.Node, earlier.Key, earlier.CustomerId, earlier.Sku, earlier.Quantity),
            retry => retry.Status is 200 or 201,
            $"retry of {earlier.Key}",
            60)));
        return [.. answered];
    }

    public static async Task<OrderAttempt> Place(HttpClient client, string node, string key, string customerId, string sku, int quantity)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                customerId,
                email = $"{customerId}@example.com",
                channel = "web",
                lines = new[] { new { sku, quantity } },
                shipTo = new { name = "Ada Lovelace", line1 = "12 St James Sq", city = "London", postalCode = "SW1Y 4JH", country = "GB" },
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var id = response.IsSuccessStatusCode ? ApiCalls.Text(JsonNode.Parse(body)!["id"]) : null;
            return new OrderAttempt(node, key, customerId, sku, quantity, (int)response.StatusCode, id,
                response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType, body);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            return new OrderAttempt(node, key, customerId, sku, quantity, 0, null, null, null, failure.Message);
        }
    }

    private async Task Client(string node, HttpClient client, int number, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var customerId = ApiCalls.Unique("customer");
            var attempt = await Place(client, node, ApiCalls.Unique("order"), customerId, skus[(number + i) % skus.Count], 1 + (i % 2));
            attempts.Enqueue(attempt);
            if (!attempt.Acknowledged)
            {
                // A failing node is not hammered: the client waits as Retry-After asks, or a second without an answer.
                await Task.Delay(TimeSpan.FromSeconds(attempt.RetryAfter is { } seconds ? int.Parse(seconds, CultureInfo.InvariantCulture) : 1), CancellationToken.None);
            }
        }
    }
}