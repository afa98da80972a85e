namespace OrderGrid.Silo.Storage;

public static class StorageModes
{
    /// <summary>The silo starts its own PostgreSQL server from the installed binaries, in a data folder of its own.</summary>
    public const string Embedded = "Embedded";

    /// <summary>A PostgreSQL server somewhere else: <c>ConnectionStrings:OrderGrid</c>.</summary>
    public const string External = "External";

    /// <summary>Orleans memory storage and reminders: state is lost when the process stops. Explicit only.</summary>
    public const string InMemory = "InMemory";
}