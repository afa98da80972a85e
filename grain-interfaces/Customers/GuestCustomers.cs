namespace OrderGrid.Customers;

/// <summary>
/// Orders placed without a customer's credential belong to a guest of their own: <c>guest-{orderId}</c>. The prefix is the
/// server's: nobody registers or signs up such an id, so a guest's orders and contacts never join anyone else's.
/// </summary>
public static class GuestCustomers
{
    public const string Prefix = "guest-";

    public static string For(string orderId) => Prefix + orderId;

    public static bool IsGuest(string customerId) => customerId.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}