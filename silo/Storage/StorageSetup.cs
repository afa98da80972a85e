using Npgsql;

namespace OrderGrid.Silo.Storage;

/// <summary>
/// The storage settings, read and checked while the host is being built (the mode decides which Orleans
/// providers exist, so it cannot wait for the host to start). <see cref="Read"/> throws
/// <see cref="StorageConfigurationException"/> with one line per problem, each naming its setting.
/// </summary>
public sealed record StorageSetup(StorageOptions Options, string? ConnectionString, EmbeddedPostgresSettings? Embedded, bool MigrateOnStart)
{
    public bool UsesPostgres => Options.UsesPostgres;

    public static StorageSetup Read(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        StorageOptions options;
        try
        {
            options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        }
        catch (InvalidOperationException exception)
        {
            throw new StorageConfigurationException($"{StorageOptions.Section}: {exception.Message}", exception);
        }

        var mode = StorageOptions.Modes.FirstOrDefault(m => string.Equals(m, options.Mode?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (mode is null)
        {
            throw new StorageConfigurationException(
                $"{StorageOptions.Section}:Mode is '{options.Mode}'; allowed values: {string.Join(", ", StorageOptions.Modes)} "
                + $"({StorageModes.Embedded}: a PostgreSQL server the silo runs itself; {StorageModes.External}: ConnectionStrings:{StorageOptions.ConnectionStringName}; {StorageModes.InMemory}: nothing survives a restart).");
        }

        options.Mode = mode;
        var grainStorage = StorageOptions.GrainStorages.FirstOrDefault(g => string.Equals(g, options.GrainStorage?.Trim(), StringComparison.OrdinalIgnoreCase));
        options.GrainStorage = grainStorage ?? throw new StorageConfigurationException(
            $"{StorageOptions.Section}:GrainStorage is '{options.GrainStorage}'; allowed values: {string.Join(", ", StorageOptions.GrainStorages)} "
            + $"({StorageOptions.GrainStorageOrderGrid}, the default: writes of many grains committed together; {StorageOptions.GrainStorageAdoNet}: the Orleans AdoNet provider).");
        var migrate = options.MigrateOnStart ?? (mode == StorageModes.Embedded || environment.IsDevelopment());
        return mode switch
        {
            StorageModes.External => new StorageSetup(options, ExternalConnectionString(configuration), null, migrate),
            StorageModes.Embedded => new StorageSetup(options, null, EmbeddedSettings(options, environment), migrate),
            _ => new StorageSetup(options, null, null, false),
        };
    }

    private static string ExternalConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageConfigurationException(
                $"{StorageOptions.Section}:Mode is {StorageModes.External} but ConnectionStrings:{StorageOptions.ConnectionStringName} is not set "
                + $"(e.g. ConnectionStrings__{StorageOptions.ConnectionStringName}=\"Host=db;Database=ordergrid;Username=ordergrid;Password=…\"), "
                + $"or use {StorageOptions.Section}:Mode={StorageModes.Embedded}.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new StorageConfigurationException(
                $"ConnectionStrings:{StorageOptions.ConnectionStringName} is not an Npgsql connection string: {exception.Message}", exception);
        }

        return connectionString;
    }

    private static EmbeddedPostgresSettings EmbeddedSettings(StorageOptions options, IHostEnvironment environment)
    {
        var problems = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            problems.Add($"{StorageOptions.Section}:Port is {options.Port}; use 0 (a free port) or 1-65535.");
        }

        if (string.IsNullOrEmpty(options.Database) || !options.Database.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            problems.Add($"{StorageOptions.Section}:Database is '{options.Database}'; use lower-case letters, digits and '_'.");
        }

        var dataDirectory = string.IsNullOrWhiteSpace(options.DataDirectory)
            ? EmbeddedPostgresSettings.DefaultDataDirectory
            : Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        var serverUser = EmbeddedPostgresSettings.IsRoot ? EmbeddedPostgresSettings.RootServerUser : null;
        if (EmbeddedPostgres.UnreachableAncestor(dataDirectory, serverUser) is { } blocked)
        {
            problems.Add(
                $"{StorageOptions.Section}:DataDirectory is '{dataDirectory}', but this process runs as root, so the server runs as the '{serverUser}' account, "
                + $"which cannot enter '{blocked}'. Choose a folder outside it (the default as root is /var/lib/ordergrid/postgres).");
        }

        if (problems.Count > 0)
        {
            throw new StorageConfigurationException(string.Join(Environment.NewLine, problems));
        }

        var binaries = PostgresBinaries.Locate(options.PostgresBinDirectory)
            ?? throw new StorageConfigurationException(PostgresBinaries.MissingMessage(options.PostgresBinDirectory), StorageConfigurationException.PostgresMissingExitCode);
        return new EmbeddedPostgresSettings
        {
            BinDirectory = binaries,
            DataDirectory = dataDirectory,
            Port = options.Port,
            Database = options.Database,
            ServerUser = serverUser,
        };
    }
}