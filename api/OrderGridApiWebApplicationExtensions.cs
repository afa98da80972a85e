using Microsoft.AspNetCore.Diagnostics;

using OrderGrid.Api.AfterSales;
using OrderGrid.Api.Auth;
using OrderGrid.Api.Carts;
using OrderGrid.Api.Catalog;
using OrderGrid.Api.Customers;
using OrderGrid.Api.Dashboard;
using OrderGrid.Api.Demo;
using OrderGrid.Api.Documents;
using OrderGrid.Api.Live;
using OrderGrid.Api.Merges;
using OrderGrid.Api.Notifications;
using OrderGrid.Api.Orders;
using OrderGrid.Api.PickLists;
using OrderGrid.Api.Planning;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Rules;
using OrderGrid.Api.Security;
using OrderGrid.Api.Shipping;
using OrderGrid.Api.Stock;
using OrderGrid.Api.Tracking;
using OrderGrid.Api.Wall;
using OrderGrid.Api.Warehouses;
using OrderGrid.Api.Waves;
using OrderGrid.Api.Webhooks;

using Scalar.AspNetCore;

namespace OrderGrid.Api;

/// <summary>Adds the API's middleware and endpoints to the silo's web application.</summary>
public static class OrderGridApiWebApplicationExtensions
{
    public const string OpenApiRoutePattern = "/openapi/{documentName}.json";

    /// <summary>
    /// Problem responses for exceptions and bare status codes, authentication and authorization, every
    /// <c>/api</c> route group, the SignalR hubs under <c>/hubs</c>, the dashboard pages (<c>/track</c>, <c>/wall</c>, <c>/planner</c>), the OpenAPI document at <c>/openapi/v1.json</c> and its reference page at <c>/docs</c>.
    /// </summary>
    public static WebApplication MapOrderGridApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseMiddleware<LastResortErrors>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Unreadable requests are the client's mistake, answered with 400: not worth an error log entry each.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException or System.Text.Json.JsonException,
        });
        app.UseStatusCodePages(PageNotFound.Write);
        app.UseOrderGridSecurity();
        app.UseAuthentication();
        app.UseOrderGridRateLimits();
        app.UseAuthorization();

        var api = app.MapGroup("/api").AddEndpointFilter<RouteValueGuard>();
        api.MapGroup("/catalog").MapCatalog().MapCatalogSearch();
        api.MapGroup("/warehouses").MapWarehouses();
        api.MapGroup("/stock").MapStock().MapStockList();
        api.MapGroup("/orders").MapOrders().MapOrderList().MapOrderChanges().MapOrderNotifications().MapOrderSplit().MapOrderMerge();
        api.MapGroup("/review-queue").MapReviewQueue().MapReviewCorrections();
        api.MapGroup("/track").RequireRateLimiting(PublicRateLimits.Tracking).OpenTo(Callers.Customer).MapTracking().MapOrderOffers();
        api.MapGroup("/pick-lists").MapPickLists().MapPickup();
        api.MapGroup("/shipments").MapShipments();
        api.MapGroup("/carriers").MapCarriers();
        api.MapGroup("/merges").MapMerges();
        api.MapDocuments();
        api.MapGroup("/wall").MapWall();
        api.MapGroup("/carts").AllowAnonymous().MapCarts().MapCartOffers();
        api.MapGroup("/customers").MapCustomers();
        api.MapGroup("/demo").MapDemo();
        api.MapGroup("/planning").MapPlanning();
        api.MapGroup("/recommendations").MapRecommendations();
        api.MapGroup("/promotions").MapPromotions().MapPromotionNotifications();
        api.MapGroup("/webhooks").MapWebhooks();
        api.MapGroup("/rules").MapRules();
        api.MapAfterSales();
        api.MapWaves();

        app.MapHub<OrderHub>(OrderHub.Path).RequireRateLimiting(PublicRateLimits.Tracking).AllowAnonymous();
        app.MapHub<WallHub>(WallHub.Path);
        app.MapHub<PlanningHub>(PlanningHub.Path);

        app.MapOpenApi(OpenApiRoutePattern).AllowAnonymous();
        // Offline: Scalar serves its script from /docs itself; without its CDN fonts (system fonts instead), telemetry,
        // AI agent and MCP the page asks nothing of another host (ApiReferenceOfflineTests blocks every other host and checks).
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("OrderGrid API")
            .WithOpenApiRoutePattern(OpenApiRoutePattern)
            .WithFavicon("/favicon.ico")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()).AllowAnonymous();

        app.MapDashboardPages();

        return app;
    }
}