namespace OrderGrid.Webhooks;

/// <summary>Posts one signed event to a subscriber; the host provides it over HTTP.</summary>
public interface IWebhookPoster
{
    Task<WebhookResponse> Post(WebhookTarget target, WebhookEvent webhookEvent, CancellationToken cancellationToken);
}