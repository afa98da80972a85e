using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Planning;
using OrderGrid.Planning.Serving;

namespace OrderGrid.Tests.Browser;

/// <summary>
/// A live site like <see cref="LiveSite"/> whose planning learns from a made-up sales history (the in-memory storage
/// has none): four products in uk-north, 150 days of sales up to yesterday, 30 customers buying in baskets. Nothing is
/// trained until a test asks (<see cref="Train"/>), so that a test sees each version arrive.
/// </summary>
public sealed class PlanningSite : LiveSite
{
    public const string Warehouse = "uk-north";

    /// <summary>Sells ~20 a day with a weekly pattern; plenty in stock.</summary>
    public const string Steady = "PLAN-STEADY";

    /// <summary>Sells ~10 a day with 3 in stock: late.</summary>
    public const string Scarce = "PLAN-SCARCE";

    public const string ScarceName = "Lunch bag black skull";

    /// <summary>One a week against 5,000 in stock: overstock.</summary>
    public const string Slow = "PLAN-SLOW";

    /// <summary>Never sold, with more on hand than any demo product: first on the dead-stock list.</summary>
    public const string Unsold = "PLAN-UNSOLD";

    /// <summary>A customer of the history.</summary>
    public const string KnownCustomer = "C07";

    private const int HistoryDays = 150;

    private static readonly (string Sku, string Name, decimal Price, int Stock)[] Products =
    [
        (Steady, "Jumbo bag red retrospot", 2.5m, 400),
        (Scarce, ScarceName, 4m, 3),
        (Slow, "Vintage doily set", 9m, 5000),
        (Unsold, "Glass star frosted", 1m, 900),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var (sku, name, unitPrice, stock) in Products)
        {
            using var defined = await Ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name, unitPrice });
            await Json.Ok(defined);
            await Receive(Warehouse, sku, stock);
        }
    }

    /// <summary>Asks for a training run and waits until a version newer than the one serving now serves; answers it.</summary>
    public async Task<long> Train()
    {
        var before = await ServingVersion();
        using (var retrain = await Planner.PostAsync(new Uri("/api/planning/models/retrain", UriKind.Relative), content: null))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, retrain.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var status = await Get("/api/planning/models");
            Assert.True(status["lastError"] is null, $"Training failed: {status["lastError"]}");
            var version = (long?)status["current"]?["version"];
            if (version > before && !(bool)status["running"]!)
            {
                return version.Value;
            }

            Assert.True(DateTime.UtcNow < deadline, "No new model version within 2 minutes.");
            await Task.Delay(250);
        }
    }

    public async Task<JsonObject> Get(string path)
    {
        using var response = await Planner.GetAsync(new Uri(path, UriKind.Relative));
        return await Json.Ok(response);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OrderGrid:Planning:Train", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<IPlanningData>(new MadeUpHistory(HistoryDays)));
    }

    private async Task<long> ServingVersion() => (long?)(await Get("/api/planning/models"))["current"]?["version"] ?? 0;

    /// <summary>The sales history: fixed by a seed, ending yesterday.</summary>
    private sealed class MadeUpHistory : IPlanningData
    {
        private readonly List<Purchase> purchases = [];

        public MadeUpHistory(int days)
        {
            var random = new Random(7);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var d = days; d >= 1; d--)
            {
                var day = today.AddDays(-d);
                var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                for (var basket = 0; basket < (weekend ? 2 : 5); basket++)
                {
                    var customer = $"C{random.Next(1, 31):00}";
                    var basketId = $"B{d}-{basket}";
                    purchases.Add(new Purchase(customer, basketId, Steady, day, random.Next(2, 7), 2.5m));
                    if (random.Next(2) == 0)
                    {
                        purchases.Add(new Purchase(customer, basketId, Scarce, day, random.Next(2, 5), 4m));
                    }
                }

                if (d % 7 == 0)
                {
                    purchases.Add(new Purchase("C01", $"W{d}", Slow, day, 1, 9m));
                }
            }
        }

        public Task<IReadOnlyList<ProductSale>> Demand(DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ProductSale>>(Sales(from, until, _ => true));

        public Task<IReadOnlyList<ProductSale>> Demand(string sku, DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ProductSale>>(Sales(from, until, s => s == sku));

        public Task<IReadOnlyList<Purchase>> Purchases(DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Purchase>>(purchases.Where(p => p.Day >= from && p.Day < until).ToList());

        public Task<IReadOnlyList<WarehouseSales>> WarehouseSales(DateOnly from, DateOnly until, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<WarehouseSales>>([]);

        private List<ProductSale> Sales(DateOnly from, DateOnly until, Func<string, bool> wanted) =>
            purchases
                .Where(p => p.Day >= from && p.Day < until && wanted(p.Sku))
                .GroupBy(p => (p.Sku, p.Day))
                .Select(g => new ProductSale(g.Key.Sku, g.Key.Day, g.Sum(p => p.Quantity), g.First().UnitPrice))
                .OrderBy(s => s.Day)
                .ThenBy(s => s.Sku, StringComparer.Ordinal)
                .ToList();
    }
}