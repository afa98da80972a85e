namespace OrderGrid.Silo.Migrations;

/// <summary>The database schema cannot be brought up to date: a failed script, or an applied script that has changed since.</summary>
public sealed class MigratorException : Exception
{
    public MigratorException()
    {
    }

    public MigratorException(string message)
        : base(message)
    {
    }

    public MigratorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}