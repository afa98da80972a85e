using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Planning.Serving;

/// <summary>Planning: section <c>OrderGrid:Planning</c>.</summary>
public sealed class PlanningOptions : IValidatableObject
{
    public const string Section = "OrderGrid:Planning";

    /// <summary>Train when the silo starts and no model version exists, and then on the reminder.</summary>
    public bool Train { get; set; } = true;

    /// <summary>How often the reminder retrains (at least a minute: Orleans reminders are not finer).</summary>
    public TimeSpan RetrainEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Days of history a model learns from, up to yesterday.</summary>
    [Range(84, 3650)]
    public int HistoryDays { get; set; } = 400;

    /// <summary>Days of live orders that decide each warehouse's share of a SKU's demand.</summary>
    [Range(1, 3650)]
    public int WarehouseShareDays { get; set; } = 90;

    /// <summary>Days the planner's chart shows before the forecast.</summary>
    [Range(1, 3650)]
    public int ChartHistoryDays { get; set; } = 90;

    [Range(0, 27)]
    public int LeadTimeDays { get; set; } = 7;

    [Range(1, 28)]
    public int ReviewDays { get; set; } = 7;

    [Range(0.5, 0.999)]
    public double ServiceLevel { get; set; } = 0.95;

    [Range(0, 1_000_000)]
    public int MinimumOrder { get; set; }

    [Range(1, 100_000)]
    public int PackSize { get; set; } = 1;

    /// <summary>Free stock beyond this many days of forecast demand is overstock.</summary>
    [Range(1, 3650)]
    public int OverstockDays { get; set; } = 90;

    /// <summary>Stock on hand with no sale in this many days is dead stock.</summary>
    [Range(1, 3650)]
    public int DeadStockDays { get; set; } = 60;

    public RestockPolicy Policy => new(LeadTimeDays, ReviewDays, ServiceLevel, MinimumOrder, PackSize);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LeadTimeDays + ReviewDays > DemandBacktest.MaxHorizon)
        {
            yield return new ValidationResult(
                $"LeadTimeDays + ReviewDays must be at most {DemandBacktest.MaxHorizon}: the forecast reaches no further.",
                [nameof(LeadTimeDays), nameof(ReviewDays)]);
        }

        if (RetrainEvery < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("RetrainEvery must be at least one minute (Orleans reminders are not finer).", [nameof(RetrainEvery)]);
        }
    }
}