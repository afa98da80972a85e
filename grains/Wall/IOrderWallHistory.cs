namespace OrderGrid.Wall;

/// <summary>
/// Where a newly activated wall finds what happened before it (the read model): without one, the wall counts from
/// the orders that change after it starts.
/// </summary>
public interface IOrderWallHistory
{
    Task<WallHistory> Load(DateTimeOffset now, CancellationToken cancellationToken);
}