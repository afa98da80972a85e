using OrderGrid.Api.Problems;
using OrderGrid.Orders;

namespace OrderGrid.Api.Tracking;

/// <summary>
/// The body of <c>POST /api/track/{id}/shortage</c>: the customer's choice when part of the order waits for stock,
/// by its action's name: <c>wait-for-stock</c>, <c>ship-available-now</c> or <c>drop-missing-lines</c>.
/// </summary>
public sealed record ShortageChoiceRequest(string? Choice) : IValidatedRequest
{
    private static readonly Dictionary<string, OrderAction> Choices = new(StringComparer.Ordinal)
    {
        ["wait-for-stock"] = OrderAction.WaitForStock,
        ["ship-available-now"] = OrderAction.ShipAvailableNow,
        ["drop-missing-lines"] = OrderAction.DropMissingLines,
    };

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Choice))
        {
            errors.Add("choice", "Required: wait-for-stock, ship-available-now or drop-missing-lines.");
        }
        else if (!Choices.ContainsKey(Choice.Trim()))
        {
            errors.Add("choice", $"Unknown choice '{Choice}': wait-for-stock, ship-available-now or drop-missing-lines.");
        }

        return errors;
    }

    /// <summary>Only after <see cref="Validate"/> found nothing.</summary>
    public OrderAction Action => Choices[Choice!.Trim()];
}