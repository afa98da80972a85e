namespace OrderGrid.Planning;

/// <summary>How one SKU is replenished.</summary>
/// <param name="LeadTimeDays">Days from placing an order to the stock being on the shelf (0 or more).</param>
/// <param name="ReviewDays">Days between two restock reviews (1 or more): an order must last until the next one arrives.</param>
/// <param name="ServiceLevel">The wanted probability of not running out before an order arrives, strictly between 0 and 1 (e.g. 0.95).</param>
/// <param name="MinimumOrder">The supplier's minimum order quantity (0 or more).</param>
/// <param name="PackSize">Units per pack (1 or more): orders are whole packs.</param>
public sealed record RestockPolicy(int LeadTimeDays, int ReviewDays, double ServiceLevel, int MinimumOrder = 0, int PackSize = 1);