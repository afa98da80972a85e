namespace OrderGrid.Notifications;

/// <summary>How one attempt to send went: sent, or the reason it was not.</summary>
public sealed record DeliveryResult(bool Sent, string? Error)
{
    public static DeliveryResult Success { get; } = new(true, null);

    public static DeliveryResult Failure(string error) => new(false, error);
}