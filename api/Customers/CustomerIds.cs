using System.Buffers;

namespace OrderGrid.Api.Customers;

/// <summary>The shape of a customer id: 1–100 letters, digits, or <c>-_.@+:</c> (the shop's own ids or an email).</summary>
public static class CustomerIds
{
    public const int MaxLength = 100;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.@+:");

    public static bool IsWellFormed(string? customerId) =>
        customerId is { Length: > 0 and <= MaxLength } && customerId.AsSpan().IndexOfAnyExcept(Allowed) < 0;

    public static void CheckCustomerId(this Problems.FieldErrors errors, string path, string? customerId)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (customerId is null)
        {
            errors.Add(path, "Required.");
        }
        else if (!IsWellFormed(customerId))
        {
            errors.Add(path, $"A customer id is 1 to {MaxLength} letters, digits, '-', '_', '.', '@', '+' or ':'.");
        }
    }
}