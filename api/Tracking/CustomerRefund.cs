namespace OrderGrid.Api.Tracking;

/// <summary>A refund recorded on the order, as its customer sees it (who recorded it is left out).</summary>
/// <param name="Amount">In the view's currency.</param>
public sealed record CustomerRefund(decimal Amount, string Reason, DateTimeOffset At);