using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

using Npgsql;

using OrderGrid.Api.Auth;
using OrderGrid.Api.Carts;
using OrderGrid.Api.Catalog;
using OrderGrid.Api.Identity;
using OrderGrid.Api.Live;
using OrderGrid.Api.Orders;
using OrderGrid.Api.Problems;
using OrderGrid.Api.Security;
using OrderGrid.Api.Stock;
using OrderGrid.Api.Tracking;
using OrderGrid.Api.Webhooks;
using OrderGrid.Catalog;
using OrderGrid.Common;

namespace OrderGrid.Api;

/// <summary>Registers what the HTTP API needs; the silo calls this once while building the host.</summary>
public static class OrderGridApiServiceCollectionExtensions
{
    /// <summary>Staff API key authentication and policies, problem details, JSON options, live pushes and the OpenAPI document.</summary>
    public static IServiceCollection AddOrderGridApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<StaffAuthOptions>()
            .Bind(configuration.GetSection(StaffAuthOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StaffAuthOptions>>(new StaffAuthOptionsValidator(environment.IsDevelopment()));
        services.AddSingleton<StaffKeyring>();
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SigningKeys>();
        services.AddHostedService<SigningKeysCheck>();
        services.AddSingleton<CustomerTokens>();
        services.AddSingleton<CartIds>();
        services.AddSingleton<CartAccess>();
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, displayName: "Staff API key", configureOptions: null);
        services.AddAuthorization(StaffPolicies.Add);

        // The read model exists only when the silo registered a PostgreSQL data source (Embedded or External storage).
        services.TryAddSingleton(provider => new OrderSearch(provider.GetService<NpgsqlDataSource>()));

        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Apply);
        services.AddExceptionHandler<UnavailableExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Without this, a body or query value that cannot be bound answers an empty 400 outside Development;
        // thrown, it reaches BadRequestExceptionHandler and answers a problem that says what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));

        services.AddOrderGridLive();
        services.AddOrderGridSecurity();
        services.AddOptions<StockListOptions>().BindConfiguration(StockListOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CustomerOrderViews>();

        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "OrderGrid API";
                document.Info.Description = "Orders from every channel through one lifecycle: placement, review, reservation, fulfilment, shipping and tracking. "
                    + "Errors are application/problem+json with a stable type and code.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddDocumentTransformer<EventKindsTransformer>();
            options.AddDocumentTransformer<LiveMessagesTransformer>();
            options.AddOperationTransformer<BearerSecurityTransformer>();
        });

        return services;
    }
}