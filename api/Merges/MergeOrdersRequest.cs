using OrderGrid.Api.Problems;
using OrderGrid.Merges;

namespace OrderGrid.Api.Merges;

/// <summary>The body of merging orders: the ids of 2 to 10 different orders.</summary>
public sealed record MergeOrdersRequest(string[]? OrderIds) : IValidatedRequest
{
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (OrderIds is null || OrderIds.Length is < 2 or > MergeIds.MaxOrders)
        {
            errors.Add("orderIds", $"Required: 2 to {MergeIds.MaxOrders} order ids.");
            return errors;
        }

        for (var i = 0; i < OrderIds.Length; i++)
        {
            errors.Text($"orderIds[{i}]", OrderIds[i], 20);
        }

        if (OrderIds.Distinct(StringComparer.Ordinal).Count() != OrderIds.Length)
        {
            errors.Add("orderIds", "Each order may be named once.");
        }

        return errors;
    }
}