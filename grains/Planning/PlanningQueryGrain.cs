using System.Collections.Immutable;

using Microsoft.Extensions.Options;

using OrderGrid.Catalog;
using OrderGrid.Common;
using OrderGrid.Planning.Serving;
using OrderGrid.Stock;
using OrderGrid.Warehouses;

namespace OrderGrid.Planning;

/// <summary>
/// Answers planners, carts and tracking pages from the serving model version of this silo. Stateless: as many
/// activations as the load needs; writes only through the stock grains (accepted suggestions).
/// </summary>
[GrainType("planning-query"), StatelessWorker]
public sealed class PlanningQueryGrain(
    ServingModels serving,
    IOptions<PlanningOptions> options,
    TimeProvider clock,
    IServiceProvider services) : Grain, IPlanningQueryGrain
{
    private static readonly TimeSpan CatalogAge = TimeSpan.FromMinutes(1);

    private ImmutableDictionary<string, Product> _catalog = ImmutableDictionary<string, Product>.Empty;
    private DateTimeOffset _catalogAt = DateTimeOffset.MinValue;

    private PlanningOptions Settings => options.Value;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<ForecastView?> Forecast(string sku, string? warehouseId, int horizon)
    {
        if (await FindProduct(sku) is not { } product)
        {
            return null;
        }

        var today = await serving.Today(CancellationToken.None);
        var coverage = DemandModelOptions.Default.IntervalCoverage;
        if (today is null)
        {
            return new ForecastView(sku, product.Name, warehouseId, null, null, coverage, await SalesSoFar(sku, warehouseId), []);
        }

        var warehouseShare = warehouseId is null ? null : today.ShareOf(sku, warehouseId, (await Warehouses()).Length);
        var share = warehouseShare?.Fraction ?? 1;
        var history = new List<DemandPoint>(Settings.ChartHistoryDays);
        var shown = today.From.AddDays(-Settings.ChartHistoryDays);
        for (var day = shown < today.History.Start ? today.History.Start : shown; day < today.From; day = day.AddDays(1))
        {
            var sold = today.History.Contains(sku) ? today.History.Quantity(sku, day) : 0;
            history.Add(new DemandPoint(day, Math.Round(sold * share, 2)));
        }

        var forecast = today.For(sku).Take(horizon)
            .Select(day => new ForecastPoint(day.Day, Math.Round(day.Quantity * share, 2), Math.Round(day.Low * share, 2), Math.Round(day.High * share, 2)))
            .ToList();
        var info = today.Model.Info;
        return new ForecastView(sku, product.Name, warehouseId, info.Version, info.TrainedAt, coverage, history, forecast, warehouseShare);
    }

    /// <summary>
    /// Before the first model: the SKU's sales over all warehouses for the chart's days up to yesterday, a point a day
    /// (imported history has no warehouse, so a warehouse's own share waits for the model). None without a read model.
    /// </summary>
    private async Task<IReadOnlyList<DemandPoint>> SalesSoFar(string sku, string? warehouseId)
    {
        if (warehouseId is not null || services.GetService(typeof(IPlanningData)) is not IPlanningData data)
        {
            return [];
        }

        var from = Today.AddDays(-Settings.ChartHistoryDays);
        var sold = (await data.Demand(sku, from, Today, CancellationToken.None)).ToDictionary(sale => sale.Day, sale => sale.Quantity);
        if (sold.Count == 0)
        {
            return [];
        }

        var first = sold.Keys.Min();
        return [.. Enumerable.Range(0, Today.DayNumber - first.DayNumber).Select(i => first.AddDays(i)).Select(day => new DemandPoint(day, sold.GetValueOrDefault(day)))];
    }

    public async Task<IReadOnlyList<RestockSuggestion>> RestockSuggestions(string warehouseId)
    {
        var today = await serving.Today(CancellationToken.None);
        if (today is null)
        {
            return [];
        }

        var products = (await Catalog()).Values.ToArray();
        var warehouseCount = (await Warehouses()).Length;
        var suggestions = await Task.WhenAll(products.Select(product => Suggest(today, warehouseId, product, warehouseCount)));

        // What still needs a decision comes first: most urgent, soonest out, most customers waiting; ordered today last.
        return [.. suggestions.OfType<RestockSuggestion>()
            .Where(s => s.Urgency != RestockUrgency.Covered || s.PurchaseOrderId is not null)
            .OrderBy(s => s.PurchaseOrderId is not null)
            .ThenBy(s => RestockUrgency.Rank(s.Urgency))
            .ThenBy(s => s.SlackDays)
            .ThenByDescending(s => s.Backordered)
            .ThenBy(s => s.Sku, StringComparer.Ordinal)];
    }

    public async Task<Outcome<SuggestionAccepted>> AcceptSuggestion(string suggestionId, int? quantity, Actor by)
    {
        if (SuggestionIds.Parse(suggestionId) is not var (version, day, warehouseId, sku))
        {
            return Refusal.NotFound("planning.suggestion-not-found", $"There is no restock suggestion '{suggestionId}'.");
        }

        if (await FindProduct(sku) is not { } product || !(await Warehouses()).Any(w => w.Id == warehouseId))
        {
            return Refusal.NotFound("planning.suggestion-not-found", $"There is no restock suggestion '{suggestionId}'.");
        }

        var stock = GrainFactory.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, sku));
        var purchaseOrderId = SuggestionIds.PurchaseOrderFor(suggestionId);
        var existing = (await stock.PurchaseOrders()).FirstOrDefault(order => order.Id == purchaseOrderId);
        if (existing is not null)
        {
            return new SuggestionAccepted(suggestionId, existing.Id, warehouseId, sku, existing.Quantity, existing.ExpectedOn, (await stock.GetLevel()).Incoming);
        }

        var today = await serving.Today(CancellationToken.None);
        if (today is null || today.Model.Info.Version != version || day != Today)
        {
            return Refusal.Conflict("planning.suggestion-outdated", "A newer model version or a new day has replaced this suggestion: reload the suggestions.");
        }

        var suggestion = await Suggest(today, warehouseId, product, (await Warehouses()).Length);
        var units = quantity ?? suggestion?.SuggestedQuantity ?? 0;
        if (units < 1)
        {
            return Refusal.Conflict("planning.nothing-to-order", "The stock position no longer needs an order: reload the suggestions.");
        }

        var expected = Today.AddDays(Settings.LeadTimeDays);
        var ordered = await stock.Expect(new NewPurchaseOrder(purchaseOrderId, units, expected, by));
        if (ordered.Refusal is { } refusal)
        {
            return refusal;
        }

        return new SuggestionAccepted(suggestionId, ordered.Value!.Id, warehouseId, sku, ordered.Value.Quantity, ordered.Value.ExpectedOn, (await stock.GetLevel()).Incoming);
    }

    public async Task<InventoryHealthView> InventoryHealth(string warehouseId)
    {
        var settings = Settings;
        var window = Planning.InventoryHealth.SalesWindowDays;
        var today = await serving.Today(CancellationToken.None);
        var products = (await Catalog()).Values.OrderBy(p => p.Sku, StringComparer.Ordinal).ToArray();
        var warehouseCount = (await Warehouses()).Length;
        var levels = await Task.WhenAll(products.Select(p => GrainFactory.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, p.Sku)).GetLevel()));
        var soldToday = await SoldToday();
        var rows = products.Zip(levels, (product, level) =>
        {
            var share = today?.Share(product.Sku, warehouseId, warehouseCount) ?? 0;
            var forecast = today?.For(product.Sku) ?? [];
            var forecastTotal = forecast.Sum(day => (double)day.Quantity) * share;
            var forecastPerDay = forecast.Count > 0 ? forecastTotal / forecast.Count : 0;
            var sold = (today?.SoldInLast(product.Sku, window) ?? 0) * share;
            var free = level.OnHand - level.Reserved - level.Backordered;
            // The forecast's history ends yesterday; a live sale today makes today the last sale.
            var lastSale = soldToday.Contains(product.Sku) ? Today : today?.LastSale(product.Sku);
            return new InventoryHealthRow(
                product.Sku,
                product.Name,
                level.OnHand,
                free,
                Math.Round(forecastPerDay, 3),
                Math.Round(sold / window, 3),
                forecast.Count > 0 && Planning.InventoryHealth.DaysOfCover(free, forecastTotal, forecast.Count) is { } cover ? Math.Round(cover, 1) : null,
                Planning.InventoryHealth.Turnover(sold, level.OnHand) is { } turnover ? Math.Round(turnover, 2) : null,
                lastSale,
                Planning.InventoryHealth.IsOverstocked(free, forecastPerDay, settings.OverstockDays),
                Planning.InventoryHealth.IsDeadStock(level.OnHand, lastSale, Today, settings.DeadStockDays));
        }).OrderBy(row => row.DaysOfCover ?? double.MaxValue).ThenBy(row => row.Sku, StringComparer.Ordinal).ToList();
        var covered = rows.Where(row => row.DaysOfCover is not null).Select(row => row.DaysOfCover!.Value).ToList();
        return new InventoryHealthView(
            warehouseId,
            today?.Model.Info.Version,
            settings.OverstockDays,
            settings.DeadStockDays,
            window,
            Planning.InventoryHealth.Median(covered) is { } median ? Math.Round(median, 1) : null,
            rows.Count - covered.Count,
            rows,
            [.. rows.Where(row => row.Overstock).OrderByDescending(row => row.Free - (row.ForecastPerDay * settings.OverstockDays))],
            [.. rows.Where(row => row.Dead).OrderByDescending(row => row.OnHand)]);
    }

    /// <summary>The SKUs sold live today in any warehouse (the read model's day so far); none without a read model.</summary>
    private async Task<HashSet<string>> SoldToday()
    {
        if (services.GetService(typeof(IPlanningData)) is not IPlanningData data)
        {
            return [];
        }

        var sales = await data.WarehouseSales(Today, Today.AddDays(1), CancellationToken.None);
        return sales.Where(sale => sale.Quantity > 0).Select(sale => sale.Sku).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<SegmentsView> Segments()
    {
        var model = await serving.Current(CancellationToken.None);
        return new SegmentsView(model?.Info.Version, model?.Info.TrainedAt, model?.Segments?.Overview ?? []);
    }

    public async Task<string?> SegmentOf(string customerId) =>
        (await serving.Current(CancellationToken.None))?.Segments?.SegmentOf(customerId);

    public async Task<IReadOnlyList<string>> SegmentMembers(string segment, string? after, int take) =>
        (await serving.Current(CancellationToken.None))?.Segments?.MembersOf(segment, after, take) ?? [];

    public async Task<IReadOnlyList<RecommendedProduct>> ForCustomer(string customerId, int k, RecommendationMode mode)
    {
        var (model, catalog) = (await serving.Current(CancellationToken.None), await Catalog());
        return model?.Recommendations is { } recommendations
            ? Named(recommendations.ForCustomer(customerId, k, mode, catalog.ContainsKey), catalog)
            : [];
    }

    public async Task<IReadOnlyList<RecommendedProduct>> BoughtTogether(string sku, int k)
    {
        var (model, catalog) = (await serving.Current(CancellationToken.None), await Catalog());
        return model?.Recommendations is { } recommendations
            ? Named(recommendations.BoughtTogether(sku, k, other => other != sku && catalog.ContainsKey(other)), catalog)
            : [];
    }

    public async Task<IReadOnlyList<RecommendedProduct>> ForBasket(string? customerId, IReadOnlyList<string> skus, int k)
    {
        var (model, catalog) = (await serving.Current(CancellationToken.None), await Catalog());
        var inBasket = skus.ToHashSet(StringComparer.Ordinal);
        return model?.Recommendations is { } recommendations
            ? Named(recommendations.ForBasket(customerId, inBasket, k, sku => !inBasket.Contains(sku) && catalog.ContainsKey(sku)), catalog)
            : [];
    }

    private async Task<RestockSuggestion?> Suggest(DailyForecast today, string warehouseId, Product product, int warehouseCount)
    {
        var forecast = today.For(product.Sku);
        if (forecast.Count == 0)
        {
            return null;
        }

        var share = today.Share(product.Sku, warehouseId, warehouseCount);
        var stock = GrainFactory.GetGrain<ISkuStockGrain>(StockKey.For(warehouseId, product.Sku));
        var level = await stock.GetLevel();
        var orders = await stock.PurchaseOrders();
        var incoming = orders.Select(order => new IncomingStock(order.ExpectedOn, order.Outstanding)).ToList();
        var days = forecast.Select(day => day with { Quantity = (float)(day.Quantity * share), Low = (float)(day.Low * share), High = (float)(day.High * share) }).ToList();
        var policy = Settings.Policy;
        var figures = Restock.Calculate(days, new StockPosition(level.OnHand, level.Reserved, level.Backordered, incoming), policy, DemandModelOptions.Default.IntervalCoverage);
        var version = today.Model.Info.Version;
        var id = SuggestionIds.For(version, Today, warehouseId, product.Sku);
        var ordered = orders.FirstOrDefault(order => order.Id == SuggestionIds.PurchaseOrderFor(id));
        return new RestockSuggestion(
            id,
            warehouseId,
            product.Sku,
            product.Name,
            level.OnHand,
            level.Reserved,
            level.Backordered,
            level.Incoming,
            figures.Position,
            policy.LeadTimeDays,
            policy.ServiceLevel,
            Math.Round(figures.LeadTimeDemand, 2),
            Math.Round(figures.SafetyStock, 2),
            Math.Round(figures.ReorderPoint, 2),
            Math.Round(figures.OrderUpTo, 2),
            figures.OrderQuantity,
            figures.StockOut,
            figures.DaysOfCover is { } cover ? Math.Round(cover, 1) : null,
            figures.SlackDays,
            Today.AddDays(policy.LeadTimeDays),
            figures.Urgency ?? RestockUrgency.Covered,
            version,
            ordered?.Id,
            ordered?.Quantity ?? 0);
    }

    private static List<RecommendedProduct> Named(IEnumerable<Recommendations.ProductRecommendation> recommendations, ImmutableDictionary<string, Product> catalog) =>
        [.. recommendations.Select(r => new RecommendedProduct(r.Sku, catalog[r.Sku].Name, catalog[r.Sku].UnitPrice, Math.Round(r.Score, 4), Reasons.Named(r.Reason, catalog)))];

    private async Task<ImmutableArray<Warehouse>> Warehouses() =>
        await GrainFactory.GetGrain<IWarehouseDirectoryGrain>("default").List();

    /// <summary>A product from the cached catalog, or from its grain when it was defined after the cache was read.</summary>
    private async Task<Product?> FindProduct(string sku) =>
        (await Catalog()).TryGetValue(sku, out var product) ? product : await GrainFactory.GetGrain<IProductGrain>(sku).Get();

    private async Task<ImmutableDictionary<string, Product>> Catalog()
    {
        if (clock.GetUtcNow() - _catalogAt < CatalogAge)
        {
            return _catalog;
        }

        var products = (await GrainFactory.GetGrain<ICatalogGrain>("default").All())
            .DistinctBy(p => p.Sku, StringComparer.Ordinal)
            .ToImmutableDictionary(p => p.Sku, StringComparer.Ordinal);
        (_catalog, _catalogAt) = (products, clock.GetUtcNow());
        return _catalog;
    }
}