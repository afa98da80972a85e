namespace OrderGrid.Planning.Serving;

/// <summary>Planning: section <c>OrderGrid:Planning</c>.</summary>
public sealed class PlanningOptions
{
    public const string Section = "OrderGrid:Planning";

    /// <summary>Train when the silo starts and no model version exists, and then on the reminder.</summary>
    public bool Train { get; set; } = true;

    /// <summary>How often the reminder retrains (at least a minute: Orleans reminders are not finer).</summary>
    public TimeSpan RetrainEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Days of history a model learns from, up to yesterday.</summary>
    public int HistoryDays { get; set; } = 400;

    /// <summary>Days of live orders that decide each warehouse's share of a SKU's demand.</summary>
    public int WarehouseShareDays { get; set; } = 90;

    /// <summary>Days the planner's chart shows before the forecast.</summary>
    public int ChartHistoryDays { get; set; } = 90;

    public int LeadTimeDays { get; set; } = 7;

    public int ReviewDays { get; set; } = 7;

    public double ServiceLevel { get; set; } = 0.95;

    public int MinimumOrder { get; set; }

    public int PackSize { get; set; } = 1;

    /// <summary>Free stock beyond this many days of forecast demand is overstock.</summary>
    public int OverstockDays { get; set; } = 90;

    /// <summary>Stock on hand with no sale in this many days is dead stock.</summary>
    public int DeadStockDays { get; set; } = 60;

    public RestockPolicy Policy => new(LeadTimeDays, ReviewDays, ServiceLevel, MinimumOrder, PackSize);
}