using Microsoft.Extensions.Options;

using OrderGrid.Orders;
using OrderGrid.Silo.Hosting;
using OrderGrid.Webhooks;

namespace OrderGrid.Silo.Webhooks;

/// <summary>Registers webhooks with the host.</summary>
public static class WebhookRegistration
{
    public const string HttpClientName = "webhooks";

    /// <summary>Webhook settings, the HTTP client that posts events, and the fan-out as a consumer of the order change feed.</summary>
    public static IServiceCollection AddOrderGridWebhooks(this IServiceCollection services)
    {
        services.AddSettings<WebhookOptions>(WebhookOptions.Section);
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout);
        services.AddSingleton<IWebhookPoster, HttpWebhookPoster>();
        services.AddSingleton<IOrderChangeConsumer, WebhookFanOut>();
        return services;
    }
}