using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using OrderGrid.Silo.Webhooks;
using OrderGrid.Webhooks;

namespace OrderGrid.Tests.Webhooks;

/// <summary>Row 6 of issue 15: the development allowance cannot reach production, and delivery applies the rule again.</summary>
[Trait(Lane.Name, Lane.Integration)]
public sealed class WebhookSettingsTests
{
    [Theory]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    [InlineData(false, false, true)]
    public void Development_targets_are_refused_at_start_outside_development(bool allow, bool isDevelopment, bool starts)
    {
        var result = new WebhookOptionsValidator(isDevelopment).Validate(null, new WebhookOptions { AllowDevelopmentTargets = allow });

        Assert.Equal(starts, result.Succeeded);
    }

    [Theory]
    [InlineData("http://erp.example.com/hook")]
    [InlineData("https://user:pw@erp.example.com/hook")]
    [InlineData("https://127.0.0.1/hook")]
    public async Task A_stored_subscription_the_rule_now_refuses_is_not_posted(string url)
    {
        var clients = new CountingClients();
        var poster = new HttpWebhookPoster(clients, Options.Create(new WebhookOptions()), TimeProvider.System, NullLogger<HttpWebhookPoster>.Instance);
        var subscription = new WebhookSubscription("WH-OLD", url, ["*"], Active: true, DateTimeOffset.UnixEpoch);

        var response = await poster.Post(new WebhookTarget(subscription, "secret"), new WebhookEvent("e1", "order.placed", DateTimeOffset.UnixEpoch, "{}"), CancellationToken.None);

        Assert.Equal(new WebhookResponse(null, HttpWebhookPoster.Refused), response);
        Assert.Equal(0, clients.Created);
    }

    private sealed class CountingClients : IHttpClientFactory
    {
        public int Created { get; private set; }

        public HttpClient CreateClient(string name)
        {
            Created++;
            return new HttpClient();
        }
    }
}