namespace OrderGrid.Silo.Storage;

/// <summary>The database could not be made ready at start: the embedded server did not start, or the migrations failed.</summary>
public sealed class StorageStartupException : Exception
{
    public StorageStartupException()
    {
    }

    public StorageStartupException(string message)
        : base(message)
    {
    }

    public StorageStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}