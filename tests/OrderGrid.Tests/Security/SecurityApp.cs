using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using OrderGrid.Api.Auth;

namespace OrderGrid.Tests.Security;

/// <summary>
/// An OrderGrid host (<see cref="OrderGridHost"/>: in memory, Development, demo catalog) with small public rate limits, one allowed dashboard
/// origin and one admin key configured only by its hash. The in-memory server has no client addresses: a test
/// names its own with the <see cref="ClientAddressHeader"/> header, so that tests never share a rate limit window.
/// </summary>
public sealed class SecurityApp : OrderGridHost
{
    public const string ClientAddressHeader = "X-Test-Client-Address";
    public const int PlacementLimit = 3;
    public const int TrackingLimit = 4;
    public const int FollowPerConnection = 5;
    public const int FollowPerAddress = 8;
    public const int CartLimit = 5;
    public const int SignInLimit = 3;
    public const string DashboardOrigin = "https://dashboard.example.test";
    public const string HashedAdminKey = "hashed-admin-key-0000000001";

    private static int lastAddress;

    /// <summary>Every log entry the host writes, as its logging configuration lets through.</summary>
    public RecordedLogs Logs { get; } = new();

    /// <summary>A client with a client address of its own.</summary>
    public HttpClient FromAddress(string? address = null)
    {
        var client = Client(apiKey: null);
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address ?? NewAddress());
        return client;
    }

    public HttpClient WithKey(string apiKey, string? address = null)
    {
        var client = FromAddress(address);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref lastAddress);
        return $"10.0.{n / 250}.{(n % 250) + 1}";
    }

    /// <summary>A new product with stock in uk-north, defined with the ops key (staff keys are not rate limited).</summary>
    public async Task<string> NewProductInStock()
    {
        var sku = OrderGridApp.Unique("sku");
        using var defined = await Ops.PutAsJsonAsync($"/api/catalog/{sku}", new { name = $"Product {sku}", unitPrice = 10m });
        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);
        using var received = await Ops.PostAsJsonAsync($"/api/stock/uk-north/{sku}/receipts", new { quantity = 100, reason = "delivery" });
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        return sku;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OrderGrid:RateLimits:Placement:PermitLimit", PlacementLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("OrderGrid:RateLimits:Placement:Window", "01:00:00");
        builder.UseSetting("OrderGrid:RateLimits:Tracking:PermitLimit", TrackingLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("OrderGrid:RateLimits:Tracking:Window", "01:00:00");
        builder.UseSetting("OrderGrid:RateLimits:Follow:PerConnection:PermitLimit", FollowPerConnection.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("OrderGrid:RateLimits:Follow:PerConnection:Window", "01:00:00");
        builder.UseSetting("OrderGrid:RateLimits:Follow:PerAddress:PermitLimit", FollowPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("OrderGrid:RateLimits:Follow:PerAddress:Window", "01:00:00");
        builder.UseSetting("OrderGrid:RateLimits:Carts:PermitLimit", CartLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("OrderGrid:RateLimits:Carts:Window", "01:00:00");
        builder.UseSetting("OrderGrid:RateLimits:SignIn:PermitLimit", SignInLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("OrderGrid:RateLimits:SignIn:Window", "01:00:00");
        builder.UseSetting("OrderGrid:Cors:DashboardOrigins:0", DashboardOrigin);
        builder.UseSetting("OrderGrid:Auth:ApiKeys:3:Name", "hashed-admin");
        builder.UseSetting("OrderGrid:Auth:ApiKeys:3:Role", "admin");
        builder.UseSetting("OrderGrid:Auth:ApiKeys:3:KeySha256", StaffKeyring.HashOf(HashedAdminKey));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ClientAddressFilter());
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    /// <summary>Runs before the app's own middleware and gives the request the address its test named.</summary>
    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[ClientAddressHeader], out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(http);
            });
            next(app);
        };
    }
}