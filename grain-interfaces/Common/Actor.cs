namespace OrderGrid.Common;

/// <summary>Who caused a change: shown on every timeline entry.</summary>
[GenerateSerializer, Immutable, Alias("og.actor")]
public sealed record Actor(
    [property: Id(0)] ActorKind Kind,
    [property: Id(1)] string Name)
{
    public static Actor System { get; } = new(ActorKind.System, "system");

    public static Actor Customer(string customerId) => new(ActorKind.Customer, customerId);

    public static Actor Staff(string keyName) => new(ActorKind.Staff, keyName);

    public static Actor Carrier(string carrier) => new(ActorKind.Carrier, carrier);

    public static Actor Rule(string rule) => new(ActorKind.Rule, rule);
}