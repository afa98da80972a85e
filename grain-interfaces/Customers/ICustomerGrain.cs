namespace OrderGrid.Customers;

/// <summary>
/// One customer, keyed by customer id. Who may act as a customer is the API's to check (their token, or a staff key);
/// the grain trusts its callers and keeps the contact details they are allowed to give.
/// </summary>
public interface ICustomerGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<CustomerDetails> Get();

    /// <summary>
    /// Records an order of the customer: the first one's id, and the contact details it gave unless newer ones are on
    /// file (changed later than <paramref name="placedAt"/>), so a retried older order changes nothing. Writes only when
    /// that changes something. Only for orders whose customer proved who they are, staff entered, or a guest of their own
    /// placed (<see cref="GuestCustomers"/>).
    /// </summary>
    Task RecordOrder(string orderId, DateTimeOffset placedAt, string? email, string? phone);

    /// <summary>Replaces the stored email and/or phone (null leaves one as it is): the customer's own credential or staff only.</summary>
    Task<CustomerDetails> ChangeContacts(string? email, string? phone);

    /// <summary>
    /// Emails a one-time sign-in code when <paramref name="email"/> is the one on file (or, for an id nobody uses yet, to
    /// <paramref name="email"/>); otherwise, or beyond the hourly limit, nothing. One way, so that neither the answer nor
    /// its timing tells a caller which it was.
    /// </summary>
    [OneWay]
    Task RequestSignInCode(string email);

    /// <summary>True once for the code sent last, while it is fresh and has guesses left; a wrong guess counts against it.</summary>
    Task<bool> SignIn(string code);
}