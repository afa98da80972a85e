using System.Collections.Immutable;

namespace OrderGrid.Customers;

[GenerateSerializer, Alias("og.customer-state")]
public sealed record CustomerState
{
    [Id(0)] public string? Email { get; init; }
    [Id(1)] public string? Phone { get; init; }
    [Id(2)] public ImmutableArray<string> OrderIds { get; init; } = [];

    /// <summary>The sign-in code sent last, until it is used, expires or runs out of attempts.</summary>
    [Id(3)] public SignInCode? SignInCode { get; init; }

    /// <summary>When codes were sent within the last hour: at most <see cref="SignInOptions.CodesPerHour"/>.</summary>
    [Id(4)] public ImmutableArray<DateTimeOffset> CodesSent { get; init; } = [];

    /// <summary>Nobody has ordered as this customer or given it contact details: its id is free to register.</summary>
    public bool IsUnused => Email is null && Phone is null && OrderIds.IsDefaultOrEmpty;
}