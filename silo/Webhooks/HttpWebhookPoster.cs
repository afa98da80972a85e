using System.Globalization;
using System.Text;

using OrderGrid.Webhooks;

namespace OrderGrid.Silo.Webhooks;

/// <summary>Posts an event as JSON with its id, type, timestamp and signature headers; any answer or failure becomes a <see cref="WebhookResponse"/>.</summary>
internal sealed class HttpWebhookPoster(IHttpClientFactory clients, TimeProvider clock) : IWebhookPoster
{
    public async Task<WebhookResponse> Post(WebhookTarget target, WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
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
        catch (HttpRequestException failure)
        {
            return new WebhookResponse(null, failure.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookResponse(null, "No answer within the timeout.");
        }
    }
}