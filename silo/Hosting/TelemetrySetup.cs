using Npgsql;

using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

using OrderGrid.Api.Auth;
using OrderGrid.Telemetry;

namespace OrderGrid.Silo.Hosting;

/// <summary>
/// OpenTelemetry for production users: OrderGrid's own instruments (<see cref="OrderGridTelemetry"/>) beside ASP.NET
/// Core's, the runtime's, Npgsql's and Orleans' meters, scraped by Prometheus at <see cref="ScrapePath"/> (any staff
/// key), and metrics and traces sent over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector.
/// </summary>
public static class TelemetrySetup
{
    public const string ScrapePath = "/metrics";

    /// <summary>The meters exported beside OrderGrid's own.</summary>
    private static readonly string[] Meters = [OrderGridTelemetry.Name, "Microsoft.Orleans", "Npgsql"];

    /// <summary>The activity sources traced beside OrderGrid's own (Orleans' grain calls, when OTLP is on).</summary>
    private static readonly string[] Sources = [OrderGridTelemetry.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static bool ExportsOtlp(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    internal static IServiceCollection AddOrderGridTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = ExportsOtlp(configuration);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ordergrid"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Traces only go somewhere with a collector: without one they would cost every request for nothing.
            telemetry.WithTracing(tracing => tracing.AddSource(Sources).AddAspNetCoreInstrumentation().AddNpgsql().AddOtlpExporter());
        }

        return services;
    }

    /// <summary><c>/metrics</c>: the Prometheus text format, for a scraper holding a staff key.</summary>
    public static IEndpointRouteBuilder MapOrderGridTelemetry(this IEndpointRouteBuilder endpoints)
    {
        // The exporter maps every method; a scrape is a GET.
        endpoints.MapPrometheusScrapingEndpoint(ScrapePath)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .RequireAuthorization(StaffPolicies.Staff);
        return endpoints;
    }
}