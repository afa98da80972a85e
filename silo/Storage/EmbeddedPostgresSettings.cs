namespace OrderGrid.Silo.Storage;

/// <summary>What <see cref="EmbeddedPostgres"/> runs: which binaries, which data folder, which port and database.</summary>
public sealed record EmbeddedPostgresSettings
{
    /// <summary>The name of the operating-system account the server runs as when this process is root (initdb refuses root).</summary>
    public const string RootServerUser = "postgres";

    /// <summary>The folder holding initdb, pg_ctl and postgres (<see cref="PostgresBinaries.Locate"/>).</summary>
    public required string BinDirectory { get; init; }

    /// <summary>The server's data folder; created and initialised (initdb) on first start.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The database created on start (when missing) and named by <see cref="EmbeddedPostgres.ConnectionString"/>.</summary>
    public string Database { get; init; } = "ordergrid";

    /// <summary>How <see cref="EmbeddedPostgres.StopAsync"/> stops the server: <c>fast</c> (default) or <c>immediate</c> (throwaway servers: no checkpoint).</summary>
    public string StopMode { get; init; } = "fast";

    /// <summary>Extra server settings passed as <c>-c name=value</c> (e.g. <c>fsync=off</c> for throwaway test servers).</summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string> { ["max_connections"] = "200" };

    /// <summary>
    /// The account the server runs as: <see cref="RootServerUser"/> when this process is root (the server is
    /// started through <c>runuser</c>), null to run it as the current user.
    /// </summary>
    public string? ServerUser { get; init; } = IsRoot ? RootServerUser : null;

    /// <summary>True when this process runs as root (uid 0).</summary>
    public static bool IsRoot => OperatingSystem.IsLinux() && string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    /// <summary>
    /// <c>&lt;LocalApplicationData&gt;/OrderGrid/postgres</c> (for a user: <c>~/.local/share/OrderGrid/postgres</c>).
    /// As root it is <c>/var/lib/ordergrid/postgres</c> instead: the server runs as the <c>postgres</c> account,
    /// which cannot enter <c>/root</c>.
    /// </summary>
    public static string DefaultDataDirectory =>
        IsRoot
            ? "/var/lib/ordergrid/postgres"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "OrderGrid", "postgres");
}