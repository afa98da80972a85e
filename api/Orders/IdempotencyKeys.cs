using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Orders;

/// <summary>
/// The optional <c>Idempotency-Key</c> header: a retried request with the same key reaches the same order (or the
/// same stock operation) instead of creating a second one.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    public static void Check(FieldErrors errors, string? key)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (key is not null && (string.IsNullOrWhiteSpace(key) || key.Length > MaxLength))
        {
            errors.Add(Header, $"Must be 1 to {MaxLength} characters.");
        }
    }

    /// <summary>Adds the <see cref="Check"/> of the request's header to <paramref name="errors"/> (a body's errors).</summary>
    public static FieldErrors AndKey(this FieldErrors errors, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        Check(errors, http.Request.Headers.TryGetValue(Header, out var key) ? key.ToString() : null);
        return errors;
    }

    /// <summary>The order id for a request: derived from the key (scoped to the customer) when there is one, else new.</summary>
    public static string OrderId(string customerId, string? key) =>
        key is null ? OrderIds.New() : OrderIds.ForIdempotencyKey(customerId, key);
}