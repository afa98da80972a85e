namespace OrderGrid.Planning.Serving;

/// <summary>Where model versions are kept: each stored once, the newest serves.</summary>
public interface IModelStore
{
    /// <summary>Stores a trained version and answers its number (greater than every earlier one).</summary>
    Task<long> Add(StoredModel model, CancellationToken cancellationToken);

    Task<long?> NewestVersion(CancellationToken cancellationToken);

    Task<StoredModel?> Load(long version, CancellationToken cancellationToken);
}