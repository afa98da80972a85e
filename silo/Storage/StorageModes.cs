namespace OrderGrid.Silo.Storage;

public static class StorageModes
{
    /// <summary>Orleans memory storage and reminders: state is lost when the process stops.</summary>
    public const string InMemory = "InMemory";
}