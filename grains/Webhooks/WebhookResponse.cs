namespace OrderGrid.Webhooks;

/// <summary>What a subscriber answered: a status code, or the reason no answer came.</summary>
public sealed record WebhookResponse(int? StatusCode, string? Error)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}