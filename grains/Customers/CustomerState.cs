using System.Collections.Immutable;

namespace OrderGrid.Customers;

[GenerateSerializer, Alias("og.customer-state")]
public sealed record CustomerState
{
    [Id(0)] public string? Email { get; init; }
    [Id(1)] public string? Phone { get; init; }
    /// <summary>
    /// Every order id, as states written before <see cref="FirstOrderId"/> kept them (read, never grown: the read model
    /// lists a customer's orders). Its first entry is the first order of such a state.
    /// </summary>
    [Id(2)] public ImmutableArray<string> OrderIds { get; init; } = [];

    /// <summary>The sign-in code sent last, until it is used, expires or runs out of attempts.</summary>
    [Id(3)] public SignInCode? SignInCode { get; init; }

    /// <summary>When codes were sent within the last hour: at most <see cref="SignInOptions.CodesPerHour"/>.</summary>
    [Id(4)] public ImmutableArray<DateTimeOffset> CodesSent { get; init; } = [];

    /// <summary>The id of the customer's first order (null before any; see <see cref="FirstOrder"/> for older states).</summary>
    [Id(5)] public string? FirstOrderId { get; init; }

    /// <summary>When the contact details on file were given (an order's placement or a change); null in older states.</summary>
    [Id(6)] public DateTimeOffset? ContactsAt { get; init; }

    /// <summary>The first order's id, also of a state written before <see cref="FirstOrderId"/>.</summary>
    public string? FirstOrder => FirstOrderId ?? (OrderIds.IsDefaultOrEmpty ? null : OrderIds[0]);

    /// <summary>Nobody has ordered as this customer or given it contact details: its id is free to register.</summary>
    public bool IsUnused => Email is null && Phone is null && FirstOrder is null;

    /// <summary>
    /// This state after an order placed at <paramref name="placedAt"/> with these contacts: its id when it is the first,
    /// and its contacts unless the ones on file are newer (a retried older order brings no news) — this very instance
    /// when nothing changes, so that the grain writes only for news about the customer.
    /// </summary>
    public CustomerState WithOrder(string orderId, DateTimeOffset placedAt, string? email, string? phone)
    {
        var newer = !OrderIds.Contains(orderId) && (ContactsAt is not { } at || placedAt >= at);
        var changed = newer && ((email is not null && email != Email) || (phone is not null && phone != Phone));
        if (!changed && FirstOrder is not null)
        {
            return this;
        }

        return this with
        {
            FirstOrderId = FirstOrder ?? orderId,
            Email = changed ? email ?? Email : Email,
            Phone = changed ? phone ?? Phone : Phone,
            ContactsAt = changed ? placedAt : ContactsAt,

            // A code sent to an email that is no longer on file must not sign in.
            SignInCode = !changed || email is null || Email is null || CustomerSignIn.SameEmail(email, Email) ? SignInCode : null,
        };
    }
}