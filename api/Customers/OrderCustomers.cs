using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Customers;

/// <summary>Who an order placed over the API is for; the rule is on <c>POST /api/orders</c> and cart checkout.</summary>
public static class OrderCustomers
{
    /// <summary>
    /// The scope of a guest's Idempotency-Key (a customer's keys are scoped to the customer): the contact the guest gives,
    /// so that a retry finds its order and two guests who happen to pick the same key never meet.
    /// </summary>
    public static string GuestScope(string? email, string? phone) =>
        $"guest:{Orders.Contacts.Clean(email)?.ToUpperInvariant() ?? Orders.Contacts.Clean(phone)}";

    public const string NotYoursCode = "customer.not-yours";

    /// <summary>403: a signed-in customer named another customer.</summary>
    public static IResult NotYours(string signedIn) =>
        ApiProblems.Problem(
            StatusCodes.Status403Forbidden,
            "Not allowed.",
            NotYoursCode,
            $"Signed in as '{signedIn}', you act only for yourself: leave customerId out or send '{signedIn}'.");
}