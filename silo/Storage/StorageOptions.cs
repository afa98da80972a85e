namespace OrderGrid.Silo.Storage;

/// <summary>Where grain state lives: section <c>OrderGrid:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "OrderGrid:Storage";

    /// <summary>The storage modes this build supports.</summary>
    public static IReadOnlyList<string> Modes { get; } = [StorageModes.InMemory];

    /// <summary>One of <see cref="Modes"/>.</summary>
    public string Mode { get; set; } = StorageModes.InMemory;
}