namespace OrderGrid.Api.Live;

/// <summary>Names of the hubs and SignalR groups that pushes are addressed to.</summary>
public static class LiveGroups
{
    public const string OrdersHub = "orders";
    public const string WallHub = "wall";
    public const string PlanningHub = "planning";

    /// <summary>Everyone on the wall hub.</summary>
    public const string Wall = "wall";

    /// <summary>Everyone on the planning hub.</summary>
    public const string Planning = "planning";

    /// <summary>Holders of the order's tracking link: they get the customer's view.</summary>
    public static string Customers(string orderId) => $"order:{orderId}";

    /// <summary>Staff following the order: they get the staff view.</summary>
    public static string Staff(string orderId) => $"order-staff:{orderId}";
}