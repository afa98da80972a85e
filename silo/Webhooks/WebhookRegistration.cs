using Microsoft.Extensions.Options;

using OrderGrid.Orders;
using OrderGrid.Silo.Hosting;
using OrderGrid.Webhooks;

namespace OrderGrid.Silo.Webhooks;

/// <summary>Registers webhooks with the host.</summary>
public static class WebhookRegistration
{
    public const string HttpClientName = "webhooks";

    /// <summary>
    /// Webhook settings (the development targets only in Development), the HTTP client that posts events through
    /// <see cref="WebhookConnections"/>, and the fan-out as a consumer of the order change feed.
    /// </summary>
    public static IServiceCollection AddOrderGridWebhooks(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddSettings<WebhookOptions>(WebhookOptions.Section);
        services.AddSingleton<IValidateOptions<WebhookOptions>>(new WebhookOptionsValidator(environment.IsDevelopment()));
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookConnections.Handler(provider.GetRequiredService<IOptions<WebhookOptions>>()));
        services.AddSingleton<IWebhookPoster, HttpWebhookPoster>();
        services.AddSingleton<IOrderChangeConsumer, WebhookFanOut>();
        return services;
    }
}