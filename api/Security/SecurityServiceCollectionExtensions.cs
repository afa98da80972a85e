using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace OrderGrid.Api.Security;

/// <summary>Registers the request limits, the public rate limits and the dashboard CORS policy, each validated at start.</summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddOrderGridSecurity(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes);
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>().Configure<IOptions<RequestLimitOptions>>((json, limits) =>
            json.SerializerOptions.MaxDepth = limits.Value.MaxJsonDepth);

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
            PublicRateLimits.Configure(limiter, limits.Value));

        services.AddOptions<DashboardCorsOptions>().BindConfiguration(DashboardCorsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardCorsOptions>, DashboardCorsOptionsValidator>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DashboardCorsOptions>>((cors, dashboard) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. dashboard.Value.DashboardOrigins])
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders("Location", "Retry-After")));

        return services;
    }
}