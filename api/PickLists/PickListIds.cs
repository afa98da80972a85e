using OrderGrid.Orders;

namespace OrderGrid.Api.PickLists;

/// <summary>Pick list ids are the order id, <c>-P</c> and a number (<c>OG-7K3M-2Q9F-P1</c>): the order is found from the id.</summary>
public static class PickListIds
{
    public static bool TryGetOrderId(string? pickListId, out string orderId)
    {
        orderId = string.Empty;
        var separator = pickListId?.LastIndexOf("-P", StringComparison.Ordinal) ?? -1;
        if (separator < 0)
        {
            return false;
        }

        var number = pickListId.AsSpan(separator + 2);
        if (number.Length is 0 or > 4 || number[0] == '0' || number.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var candidate = pickListId![..separator];
        if (!OrderIds.IsWellFormed(candidate))
        {
            return false;
        }

        orderId = candidate;
        return true;
    }
}