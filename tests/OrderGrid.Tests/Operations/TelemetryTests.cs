using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace OrderGrid.Tests.Operations;

/// <summary>What production users see: the Prometheus scrape of OrderGrid's instruments, for staff only.</summary>
[Trait(Lane.Name, Lane.Integration)]
[Collection(SharedHost.Name)]
public sealed partial class TelemetryTests(OrderGridApp app)
{
    [Fact]
    public async Task The_scrape_answers_staff_only()
    {
        using var anonymous = await app.Customer.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var planner = await app.Planner.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, planner.StatusCode);
        Assert.Equal("text/plain", planner.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_placed_order_is_counted_timed_and_its_reservation_written_by_a_group_commit()
    {
        var before = Placed(await Scrape());
        var sku = await app.NewProduct();
        await app.Receive(OrderGridApp.Warehouses[0], sku, 5);

        var order = await app.PlaceOrder((sku, 2));
        Assert.Equal("Reserved", Json.Text(order["status"]));

        // The meter is the process's, so orders other hosts place at the same time count too: at least one more.
        var after = await Scrape();
        Assert.True(Placed(after) >= before + 1, $"web orders reserved: {before} before, {Placed(after)} after");
        Assert.Contains("ordergrid_order_placement_duration_seconds_bucket{", after, StringComparison.Ordinal);
        Assert.Matches(StockBatches(), after);
    }

    private async Task<string> Scrape()
    {
        // The exporter keeps a scrape for a moment: wait that out so the answer holds what just happened.
        await Task.Delay(TimeSpan.FromSeconds(1));
        using var response = await app.Ops.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static double Placed(string scrape) =>
        PlacedWebReserved().Match(scrape) is { Success: true } match ? double.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex("""^ordergrid_orders_placed_total\{[^}]*channel="Web"[^}]*status="Reserved"[^}]*\} (?<count>[0-9.e+]+)""", RegexOptions.Multiline)]
    private static partial Regex PlacedWebReserved();

    [GeneratedRegex("""^ordergrid_storage_batch_size_count\{[^}]*store="stock"[^}]*\} [1-9]""", RegexOptions.Multiline)]
    private static partial Regex StockBatches();
}