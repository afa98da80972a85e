namespace OrderGrid.Webhooks;

/// <summary>One event to deliver; <paramref name="Id"/> (<c>{orderId}:{sequence}</c>) lets receivers drop repeats.</summary>
/// <param name="Body">The JSON posted, exactly as signed.</param>
[GenerateSerializer, Immutable, Alias("og.webhook-event")]
public sealed record WebhookEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] string Body);