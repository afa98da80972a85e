using System.Globalization;
using System.Text;

using Microsoft.Extensions.Options;

using OrderGrid.Webhooks;

namespace OrderGrid.Silo.Webhooks;

/// <summary>
/// Posts an event as JSON with its id, type, timestamp and signature headers; any answer or failure becomes a
/// <see cref="WebhookResponse"/>. A failure is told to the admin as <c>refused</c> (an address events may not go to) or
/// <c>failed</c> (anything else), never the reason (connection refused, timed out, TLS): that would map which ports
/// answer. The reason goes to the server log.
/// </summary>
internal sealed partial class HttpWebhookPoster(
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<HttpWebhookPoster> logger) : IWebhookPoster
{
    public const string Refused = "refused";
    public const string Failed = "failed";

    public async Task<WebhookResponse> Post(WebhookTarget target, WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        // Checked again here, not only on subscribing: a subscription stored before this rule, or under the
        // development setting, must not reach http, credentials or a literal local address now.
        if (WebhookTargets.UrlProblem(target.Subscription.Url, options.Value.AllowDevelopmentTargets) is { } problem)
        {
            LogRefused(logger, target.Subscription.Id, problem);
            return new WebhookResponse(null, Refused);
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Subscription.Url)
        {
            Content = new StringContent(webhookEvent.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-OrderGrid-Event-Id", webhookEvent.Id);
        request.Headers.Add("X-OrderGrid-Event-Type", webhookEvent.Type);
        request.Headers.Add("X-OrderGrid-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-OrderGrid-Signature", WebhookSignature.Sign(target.Secret, timestamp, webhookEvent.Body));
        try
        {
            using var client = clients.CreateClient(WebhookRegistration.HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new WebhookResponse((int)response.StatusCode, null);
        }
        catch (HttpRequestException failure) when (failure.InnerException is WebhookTargetRefusedException)
        {
            LogRefused(logger, target.Subscription.Id, failure.InnerException.Message);
            return new WebhookResponse(null, Refused);
        }
        catch (Exception failure) when (failure is HttpRequestException || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(logger, target.Subscription.Id, failure.Message);
            return new WebhookResponse(null, Failed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {SubscriptionId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string subscriptionId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {SubscriptionId} delivery failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string subscriptionId, string reason);
}