namespace OrderGrid.Common;

/// <summary>The kinds of party that change an order.</summary>
[GenerateSerializer, Alias("og.actor-kind")]
public enum ActorKind
{
    System = 0,
    Customer = 1,
    Staff = 2,
    Rule = 3,
    Carrier = 4,
}