using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Npgsql;

namespace OrderGrid.Tests.Planning;

/// <summary>
/// Planning served by the real host on PostgreSQL: a model trained from the read model's history answers forecasts,
/// restock suggestions (accepted into incoming stock), inventory health, segments and recommendations; a restarted
/// host serves the stored version without training again.
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class PlanningServiceTests
{
    private const string PlannerKey = "demo-planner-key-00000001";
    private const string Warehouse = "uk-north";
    private const int Days = 150;

    [Fact]
    public async Task A_trained_model_serves_every_planning_view_and_survives_a_restart()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("planning_service");
        long version;
        JsonObject forecastBefore;
        string[] skus;
        await using (var app = await new PostgresApp(connectionString, ("OrderGrid:Planning:Train", "false")).StartedAsync())
        {
            var ops = app.Ops;
            var planner = Planner(app);
            skus = [await ApiCalls.Product(ops, Warehouse, 40), await ApiCalls.Product(ops, Warehouse, 5000), await ApiCalls.Product(ops, Warehouse, 3), await ApiCalls.Product(ops, Warehouse, 1)];
            await SeedHistory(connectionString, skus);

            // Before the first model: the sales so far over all warehouses, a point a day, and no forecast yet.
            var untrained = await ApiCalls.Get(planner, $"/api/planning/forecast/{skus[0]}?horizon=14");
            Assert.Null(untrained["modelVersion"]);
            Assert.Empty(ApiCalls.Array(untrained["forecast"]));
            var soFar = ApiCalls.Array(untrained["history"]);
            Assert.Contains(soFar, point => point!["quantity"]!.GetValue<double>() > 0);
            var soFarDays = soFar.Select(point => DateOnly.Parse(ApiCalls.Text(point!["day"]), CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, soFarDays.Count).Select(i => soFarDays[0].AddDays(i)), soFarDays);

            using (var retrain = await planner.PostAsync(new Uri("/api/planning/models/retrain", UriKind.Relative), null))
            {
                Assert.Equal(HttpStatusCode.Accepted, retrain.StatusCode);
            }

            var status = await ApiCalls.Eventually(
                () => ApiCalls.Get(planner, "/api/planning/models"),
                s => s["current"] is JsonObject && !(s["running"]!.GetValue<bool>()),
                "a trained model version",
                seconds: 120);
            Assert.Null(status["lastError"]);
            version = status["current"]!["version"]!.GetValue<long>();
            Assert.Equal(4, ApiCalls.Number(status["current"]!["skus"]));
            Assert.NotNull(status["current"]!["evaluation"]!["modelWape"]);
            Assert.NotNull(status["current"]!["evaluation"]!["modelTotalWape"]);

            // Forecast: history, 14 days ahead from today, an interval around each day, the version that made it.
            forecastBefore = await ApiCalls.Get(planner, $"/api/planning/forecast/{skus[0]}?warehouseId={Warehouse}&horizon=14");
            Assert.Equal(version, forecastBefore["modelVersion"]!.GetValue<long>());
            var days = ApiCalls.Array(forecastBefore["forecast"]);
            Assert.Equal(14, days.Count);
            var lastSold = DateOnly.Parse(ApiCalls.Text(ApiCalls.Array(forecastBefore["history"])[^1]!["day"]), CultureInfo.InvariantCulture);
            Assert.Equal(lastSold.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ApiCalls.Text(days[0]!["day"]));
            Assert.All(days, day => Assert.InRange(day!["quantity"]!.GetValue<double>(), day["low"]!.GetValue<double>(), day["high"]!.GetValue<double>()));
            Assert.NotEmpty(ApiCalls.Array(forecastBefore["history"]));

            // Restock: the SKU with 3 units that sells ~10 a day is late; the one with 5,000 units needs nothing.
            var suggestions = ApiCalls.Array(await GetArray(planner, $"/api/planning/restock-suggestions?warehouseId={Warehouse}"));
            var listed = suggestions.Select(s => (Rank: Urgencies.IndexOf(ApiCalls.Text(s!["urgency"])), Slack: ApiCalls.Number(s["slackDays"]))).ToList();
            Assert.Equal(listed.Order().ToList(), listed);
            Assert.DoesNotContain(suggestions, s => ApiCalls.Text(s!["sku"]) == skus[1]);
            var urgent = suggestions.Single(s => ApiCalls.Text(s!["sku"]) == skus[2])!;
            Assert.Equal("late", ApiCalls.Text(urgent["urgency"]));
            var quantity = ApiCalls.Number(urgent["suggestedQuantity"]);
            Assert.True(quantity > 0);

            // Accepting orders once: the stock shows it incoming, a second accept answers the same purchase order.
            var accept = $"/api/planning/restock-suggestions/{ApiCalls.Text(urgent["id"])}/accept";
            JsonObject accepted;
            using (var response = await planner.PostAsJsonAsync(accept, new { }))
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                accepted = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            }

            using (var again = await planner.PostAsJsonAsync(accept, new { }))
            {
                var repeated = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
                Assert.Equal(ApiCalls.Text(accepted["purchaseOrderId"]), ApiCalls.Text(repeated["purchaseOrderId"]));
            }

            var level = await ApiCalls.Stock(ops, Warehouse, skus[2]);
            Assert.Equal(quantity, ApiCalls.Number(level["incoming"]));

            // The accepted row says so at once: ordered with its purchase order, nothing more to order, no longer late.
            var after = ApiCalls.Array(await GetArray(planner, $"/api/planning/restock-suggestions?warehouseId={Warehouse}"))
                .Single(s => ApiCalls.Text(s!["sku"]) == skus[2])!;
            Assert.Equal(ApiCalls.Text(accepted["purchaseOrderId"]), ApiCalls.Text(after["purchaseOrderId"]));
            Assert.Equal(quantity, ApiCalls.Number(after["orderedQuantity"]));
            Assert.Equal(0, ApiCalls.Number(after["suggestedQuantity"]));
            Assert.NotEqual("late", ApiCalls.Text(after["urgency"]));

            // Health: the big stock of a slow seller is overstock; a product that never sold is dead stock.
            var health = await ApiCalls.Get(planner, $"/api/planning/inventory-health?warehouseId={Warehouse}");
            Assert.Contains(ApiCalls.Array(health["overstock"]), row => ApiCalls.Text(row!["sku"]) == skus[1]);
            Assert.Contains(ApiCalls.Array(health["deadStock"]), row => ApiCalls.Text(row!["sku"]) == skus[3]);

            // Sold today, after the history the forecast read ends: no longer dead, and its last sale is today.
            await ApiCalls.PlaceOrder(ops, skus[3], 1);
            var soldToday = await ApiCalls.Eventually(
                () => ApiCalls.Get(planner, $"/api/planning/inventory-health?warehouseId={Warehouse}"),
                h => !ApiCalls.Array(h["deadStock"]).Any(row => ApiCalls.Text(row!["sku"]) == skus[3]),
                "the SKU sold today out of dead stock");
            Assert.Equal(
                DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ApiCalls.Text(ApiCalls.Array(soldToday["rows"]).Single(row => ApiCalls.Text(row!["sku"]) == skus[3])!["lastSale"]));

            // Sold a day and turns count the same 90 days, so they agree; a product with no forecast has no days of cover.
            var rows = ApiCalls.Array(soldToday["rows"]);
            var steady = rows.Single(row => ApiCalls.Text(row!["sku"]) == skus[0])!;
            var window = ApiCalls.Number(health["salesWindowDays"]);
            Assert.Equal(90, window);
            Assert.True(steady["soldPerDay"]!.GetValue<double>() > 1);
            Assert.Equal(
                steady["soldPerDay"]!.GetValue<double>() * window / ApiCalls.Number(steady["onHand"]),
                steady["turnover"]!.GetValue<double>(),
                0.05);
            Assert.Null(rows.Single(row => ApiCalls.Text(row!["sku"]) == skus[3])!["daysOfCover"]);
            Assert.True(ApiCalls.Number(health["withoutForecast"]) >= 1);
            Assert.NotNull(health["medianDaysOfCover"]);

            // Segments and recommendations: every customer has a segment; unknown products are never offered.
            var segments = await ApiCalls.Get(planner, "/api/planning/segments");
            Assert.Equal(30, ApiCalls.Array(segments["segments"]).Sum(s => ApiCalls.Number(s!["customers"])));
            var offered = ApiCalls.Array(await GetArray(planner, "/api/recommendations/customers/C07?k=2"));
            Assert.InRange(offered.Count, 1, 2);
            Assert.All(offered, product => Assert.Contains(ApiCalls.Text(product!["sku"]), skus));
            var discover = ApiCalls.Array(await GetArray(planner, "/api/recommendations/customers/C07?k=10&mode=discover"));
            Assert.DoesNotContain(discover, product => ApiCalls.Text(product!["sku"]) == skus[0]);

            // A promotion for one segment reaches its customers, and nobody the model does not know.
            var segment = ApiCalls.Text(ApiCalls.Array(segments["segments"]).First(s => ApiCalls.Number(s!["customers"]) > 0)!["name"]);
            using (var created = await planner.PostAsJsonAsync("/api/promotions", new { name = "Spring", segment, discountPercent = 15, validUntil = DateTimeOffset.UtcNow.AddDays(7) }))
            {
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            var reached = 0;
            for (var c = 1; c <= 30; c++)
            {
                var active = ApiCalls.Array(await GetArray(planner, $"/api/promotions/customers/C{c:00}"));
                reached += active.Count(p => ApiCalls.Text(p!["segment"]) == segment);
            }

            var members = ApiCalls.Number(ApiCalls.Array(segments["segments"]).First(s => ApiCalls.Text(s!["name"]) == segment)!["customers"]);
            Assert.Equal(members, reached);
            Assert.Empty(ApiCalls.Array(await GetArray(planner, "/api/promotions/customers/nobody-we-know")));
        }

        await using (var restarted = await new PostgresApp(connectionString, ("OrderGrid:Planning:Train", "true")).StartedAsync())
        {
            var planner = Planner(restarted);
            var status = await ApiCalls.Get(planner, "/api/planning/models");
            Assert.Equal(version, status["current"]!["version"]!.GetValue<long>());
            Assert.False(status["running"]!.GetValue<bool>());
            var forecastAfter = await ApiCalls.Get(planner, $"/api/planning/forecast/{skus[0]}?warehouseId={Warehouse}&horizon=14");
            Assert.Equal(forecastBefore.ToJsonString(), forecastAfter.ToJsonString());
        }
    }

    [Theory]
    [InlineData("/api/planning/forecast/X1?horizon=0")]
    [InlineData("/api/planning/forecast/X1?horizon=29")]
    [InlineData("/api/planning/forecast/X1?horizon=abc")]
    [InlineData("/api/planning/forecast/X1?warehouseId=nowhere")]
    [InlineData("/api/planning/restock-suggestions")]
    [InlineData("/api/planning/restock-suggestions?warehouseId=nowhere")]
    [InlineData("/api/planning/inventory-health")]
    [InlineData("/api/recommendations/customers/C1?k=0")]
    [InlineData("/api/recommendations/customers/C1?k=51")]
    [InlineData("/api/recommendations/customers/C1?mode=sideways")]
    [InlineData("/api/recommendations/products/X1?k=x")]
    public async Task Bad_queries_get_400(string path)
    {
        var app = await SharedPlanningHost.App;
        using var response = await Planner(app).GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_products_and_suggestions_get_404_and_planning_needs_the_planner_role()
    {
        var app = await SharedPlanningHost.App;
        var planner = Planner(app);
        using (var response = await planner.GetAsync(new Uri("/api/planning/forecast/NO-SUCH-SKU", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var response = await planner.PostAsJsonAsync("/api/planning/restock-suggestions/not-an-id/accept", new { }))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var response = await planner.PostAsJsonAsync("/api/planning/restock-suggestions/1~20260101~uk-north~X1/accept", new { quantity = -3 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using (var response = await app.CreateClient().GetAsync(new Uri("/api/planning/segments", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var response = await app.Ops.GetAsync(new Uri("/api/planning/segments", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    private static readonly List<string> Urgencies = ["late", "order-now", "watch", "covered"];

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static HttpClient Planner(PostgresApp app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PlannerKey);
        return client;
    }

    private static async Task<JsonNode> GetArray(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    /// <summary>
    /// 150 days of imported history up to yesterday: sku 0 sells ~20 a day with a weekly pattern, sku 1 one unit a
    /// week, sku 2 ~10 a day; sku 3 never. 30 customers buy in baskets; a product outside the catalog is bought often.
    /// </summary>
    private static async Task SeedHistory(string connectionString, string[] skus)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        var random = new Random(7);
        var lines = new List<(string Invoice, int Line, string Sku, int Quantity, DateTime At, decimal Price, string Customer)>();
        var invoice = 0;
        for (var d = Days; d >= 1; d--)
        {
            var day = Today.AddDays(-d).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            for (var basket = 0; basket < (weekend ? 2 : 5); basket++)
            {
                invoice++;
                var customer = $"C{random.Next(1, 31):00}";
                var line = 0;
                lines.Add(($"{invoice}", ++line, skus[0], random.Next(2, 7), day, 2.5m, customer));
                if (random.Next(2) == 0)
                {
                    lines.Add(($"{invoice}", ++line, skus[2], random.Next(2, 4), day, 4m, customer));
                }

                lines.Add(($"{invoice}", ++line, "GHOST-SKU", 5, day, 1m, customer));
            }

            if (d % 7 == 0)
            {
                lines.Add(($"W{d}", 1, skus[1], 1, day, 9m, "C01"));
            }
        }

        await using (var copy = await (await database.OpenConnectionAsync()).BeginBinaryImportAsync(
            "COPY sales_lines (invoice_no, line_no, stock_code, quantity, invoiced_at, unit_price, customer_id, country, kind) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var l in lines)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(l.Invoice);
                await copy.WriteAsync(l.Line);
                await copy.WriteAsync(l.Sku);
                await copy.WriteAsync(l.Quantity);
                await copy.WriteAsync(l.At, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(l.Price, NpgsqlTypes.NpgsqlDbType.Numeric);
                await copy.WriteAsync(l.Customer);
                await copy.WriteAsync("United Kingdom");
                await copy.WriteAsync("sale");
            }

            await copy.CompleteAsync();
        }

        await using var recompute = database.CreateCommand("""
            INSERT INTO daily_sales (day, sku, warehouse_id, channel, source, quantity, revenue, order_count)
            SELECT (invoiced_at AT TIME ZONE 'UTC')::date, stock_code, '', 'web', 'import', sum(quantity), sum(quantity * unit_price), count(DISTINCT invoice_no)
            FROM sales_lines GROUP BY 1, 2
            """);
        await recompute.ExecuteNonQueryAsync();
    }
}

/// <summary>One planning host for the input checks (no history, no training).</summary>
internal static class SharedPlanningHost
{
    public static Task<PostgresApp> App { get; } = Start();

    private static async Task<PostgresApp> Start()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("planning_inputs");
        return await new PostgresApp(connectionString, ("OrderGrid:Planning:Train", "false")).StartedAsync();
    }
}