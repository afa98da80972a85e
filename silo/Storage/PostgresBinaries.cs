namespace OrderGrid.Silo.Storage;

/// <summary>Finds the PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>) Embedded mode runs.</summary>
public static class PostgresBinaries
{
    /// <summary>Where Debian's <c>postgresql-NN</c> packages put the server binaries.</summary>
    public const string DebianRoot = "/usr/lib/postgresql";

    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    /// <summary>
    /// The folder holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>: <paramref name="configured"/> when given
    /// (nothing else is tried then), else the first PATH entry that has them (symbolic links are followed, so
    /// <c>/usr/local/bin/pg_ctl</c> → <c>/usr/lib/postgresql/15/bin</c>), else the newest <c>/usr/lib/postgresql/*/bin</c>.
    /// Null when none has them.
    /// </summary>
    public static string? Locate(string? configured, string? path = null, string debianRoot = DebianRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasAll(configured) ? Path.GetFullPath(configured) : null;
        }

        foreach (var entry in (path ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var pgCtl = Path.Combine(entry, "pg_ctl");
            if (!File.Exists(pgCtl))
            {
                continue;
            }

            // Resolve a symbolic link to the real folder, where initdb and postgres live beside pg_ctl.
            var target = new FileInfo(pgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl;
            var folder = Path.GetDirectoryName(target)!;
            if (HasAll(folder))
            {
                return folder;
            }

            if (HasAll(entry))
            {
                return entry;
            }
        }

        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(debianRoot)
            .Select(version => (Version: ParseVersion(Path.GetFileName(version)), Bin: Path.Combine(version, "bin")))
            .Where(candidate => candidate.Version is not null && HasAll(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    /// <summary>The message for a machine without the binaries: what to install, or what to configure instead.</summary>
    public static string MissingMessage(string? configured) =>
        (string.IsNullOrWhiteSpace(configured)
            ? $"Embedded PostgreSQL needs the PostgreSQL server binaries (initdb, pg_ctl, postgres); none were found on PATH or under {DebianRoot}/*/bin."
            : $"{StorageOptions.Section}:PostgresBinDirectory is '{configured}', which does not hold initdb, pg_ctl and postgres.")
        + Environment.NewLine
        + "  Install them (Debian/Ubuntu: sudo apt-get install -y postgresql), or set "
        + $"{StorageOptions.Section}:PostgresBinDirectory to their folder, or use an existing server: "
        + $"{StorageOptions.Section}:Mode=External with ConnectionStrings:{StorageOptions.ConnectionStringName}=\"Host=…;Database=ordergrid;Username=…;Password=…\" "
        + $"(environment: OrderGrid__Storage__Mode=External, ConnectionStrings__{StorageOptions.ConnectionStringName}=…).";

    private static bool HasAll(string folder) => Required.All(name => File.Exists(Path.Combine(folder, name)));

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;
}