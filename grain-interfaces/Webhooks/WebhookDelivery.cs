namespace OrderGrid.Webhooks;

/// <summary>One attempt to deliver an event.</summary>
/// <param name="Attempt">1 for the first try.</param>
/// <param name="StatusCode">The receiver's answer; null when none came (see <paramref name="Error"/>).</param>
/// <param name="Error">Without an answer: <c>refused</c> (the address is not one events may go to) or <c>failed</c> (no
/// connection, no TLS, no answer in time — deliberately not told apart, so the log cannot map ports).</param>
/// <param name="DurationMs">How long the receiver took to answer; 0 when no answer came.</param>
/// <param name="Outcome"><c>delivered</c>, <c>retrying</c> or <c>failed</c> (gave up).</param>
[GenerateSerializer, Immutable, Alias("og.webhook-delivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] string EventId,
    [property: Id(1)] string EventType,
    [property: Id(2)] int Attempt,
    [property: Id(3)] int? StatusCode,
    [property: Id(4)] string? Error,
    [property: Id(5)] double DurationMs,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string Outcome);