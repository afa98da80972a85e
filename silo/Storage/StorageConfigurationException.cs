namespace OrderGrid.Silo.Storage;

/// <summary>
/// The storage settings cannot work: an unknown mode, a missing connection string, no PostgreSQL server
/// binaries for Embedded mode. Raised while the host is being built, before anything starts; the message
/// names the setting to fix. <see cref="ExitCode"/> is what the process ends with.
/// </summary>
public sealed class StorageConfigurationException : Exception
{
    public const int InvalidSettingsExitCode = 2;
    public const int PostgresMissingExitCode = 3;

    public StorageConfigurationException()
    {
    }

    public StorageConfigurationException(string message)
        : base(message)
    {
    }

    public StorageConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageConfigurationException(string message, int exitCode)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; } = InvalidSettingsExitCode;
}