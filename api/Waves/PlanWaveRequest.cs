namespace OrderGrid.Api.Waves;

/// <summary>A new wave: at most this many pick lists (1–100; the configured default when left out).</summary>
public sealed record PlanWaveRequest(int? MaxPickLists);