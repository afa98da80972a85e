namespace OrderGrid.Planning.Serving;

/// <summary>
/// One model version as stored: its description and each engine's own binary format. <see cref="Info"/>'s version
/// is 0 until the store numbers it.
/// </summary>
public sealed record StoredModel(ModelVersionInfo Info, byte[] Demand, byte[]? Recommendations, byte[]? Segments);