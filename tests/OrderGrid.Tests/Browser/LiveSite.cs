using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

using OrderGrid.Tests.Hosting;

namespace OrderGrid.Tests.Browser;

/// <summary>
/// The real OrderGrid host (<see cref="OrderGridHost"/>: in memory, demo data, no simulated orders, so that only the
/// tests place orders) listening with Kestrel on a free loopback port, and one headless Chromium that loads pages from
/// it. Each test opens its own browser context.
/// </summary>
public class LiveSite : OrderGridHost
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public LiveSite()
        : base(kestrel: true)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (Chromium.IsInstalled)
        {
            playwright = await Playwright.CreateAsync();
            browser = await Chromium.LaunchAsync(playwright);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A page in a fresh browser context (no cookies, no session storage) of the given window size.</summary>
    public async Task<IPage> NewPage(int width, int height)
    {
        if (browser is null)
        {
            throw new Xunit.Sdk.XunitException(Chromium.MissingMessage);
        }

        var context = await browser.NewContextAsync(new()
        {
            BaseURL = Address.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Defines a new product and receives <paramref name="quantity"/> of it in uk-north (none: any order of it waits); answers its SKU.</summary>
    public async Task<string> NewProductInStock(int quantity, decimal unitPrice = 12.5m)
    {
        // Short, so that the screenshots read well; eight hex digits are unique enough for one test run.
        var sku = $"T-{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        using var defined = await Ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name = $"Test item {sku}", unitPrice });
        await Json.Ok(defined);
        if (quantity > 0)
        {
            await Receive("uk-north", sku, quantity);
        }

        return sku;
    }

    /// <summary>Records goods received in a warehouse.</summary>
    public async Task Receive(string warehouseId, string sku, int quantity)
    {
        using var received = await Ops.PostAsJsonAsync($"/api/stock/{warehouseId}/{sku}/receipts", new { quantity, reason = "delivery" });
        await Json.Ok(received);
    }

    /// <summary>Places an order in <paramref name="channel"/> (with the ops key: staff take phone, email and store orders); answers it.</summary>
    public async Task<JsonObject> PlaceOrder(string sku, int quantity = 1, string channel = "web")
    {
        using var request = OrderRequests.Post(OrderRequests.Body(OrderGridApp.Unique("customer"), channel, (sku, quantity)), OrderGridApp.Unique("order"));
        using var response = await Ops.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    /// <summary>Issues the order's pick list, picks, packs and ships it with UPS; answers the shipment id and tracking number.</summary>
    public async Task<(string ShipmentId, string TrackingNumber)> Ship(string orderId)
    {
        using var issued = await Ops.PostAsync(new Uri($"/api/orders/{orderId}/pick-lists", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var pickListId = Json.Text(Assert.Single(await Json.ReadArray(issued))!["id"]);
        foreach (var step in new[] { "picked", "packed" })
        {
            using var done = await Ops.PostAsync(new Uri($"/api/pick-lists/{pickListId}/{step}", UriKind.Relative), content: null);
            await Json.Ok(done);
        }

        using var shipped = await Ops.PostAsJsonAsync($"/api/pick-lists/{pickListId}/ship", new { carrier = "UPS" });
        var label = await Json.Ok(shipped);
        return (Json.Text(label["shipmentId"]), Json.Text(label["trackingNumber"]));
    }

    /// <summary>Reports a carrier scan of the shipment, as the carrier integration does.</summary>
    public async Task RecordCarrierEvent(string shipmentId, string status, string location)
    {
        using var recorded = await Ops.PostAsJsonAsync($"/api/shipments/{shipmentId}/events", new { status, location });
        await Json.Ok(recorded);
    }

    public async Task<JsonObject> Get(string path, string apiKey)
    {
        using var client = Client(apiKey);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await Json.Ok(response);
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}