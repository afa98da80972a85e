namespace OrderGrid.Live;

/// <summary>
/// One message for the browsers in a SignalR group, already in the API's JSON so that every node sends the same
/// bytes without knowing the type. <paramref name="Hub"/> is <c>orders</c>, <c>wall</c> or <c>planning</c>;
/// <paramref name="Group"/> e.g. <c>order:OG-…</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("og.live-push")]
public sealed record LivePush(
    [property: Id(0)] string Hub,
    [property: Id(1)] string Group,
    [property: Id(2)] string Method,
    [property: Id(3)] string Json);