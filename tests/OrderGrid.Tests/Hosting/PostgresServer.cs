using Npgsql;

using OrderGrid.Silo.Storage;

namespace OrderGrid.Tests.Hosting;

/// <summary>
/// One throwaway PostgreSQL server per test run, started from the installed server binaries with the same
/// launcher as Embedded mode (<see cref="EmbeddedPostgres"/>), in a temporary data folder, stopped and deleted
/// when the test process exits. Tests get a fresh database each (<see cref="CreateDatabaseAsync"/>). Without
/// the binaries the tests fail, they never skip (CI installs the <c>postgresql</c> package).
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private PostgresServer(EmbeddedPostgres server) => Server = server;

    /// <summary>The run's server, started on first use.</summary>
    public static Task<PostgresServer> Shared => Instance.Value;

    public EmbeddedPostgres Server { get; }

    /// <summary>Creates an empty database with a unique name and answers its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var name = $"{new string([.. prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20)])}_{Guid.NewGuid():N}";
        await Server.CreateDatabaseAsync(name);
        return Server.ConnectionStringFor(name);
    }

    /// <summary>A data source for <paramref name="connectionString"/> (dispose it).</summary>
    public static NpgsqlDataSource DataSource(string connectionString) => NpgsqlDataSource.Create(connectionString);

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = PostgresBinaries.Locate(Environment.GetEnvironmentVariable("ORDERGRID_TEST_POSTGRES_BIN"))
            ?? throw new InvalidOperationException(
                "The PostgreSQL tests need the server binaries and never skip. " + PostgresBinaries.MissingMessage(null));
        var root = Path.Combine(Path.GetTempPath(), "ordergrid-tests");
        Directory.CreateDirectory(root);
        await RemoveLeftoversAsync(root, binaries);
        var dataDirectory = Path.Combine(root, $"pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        var server = new EmbeddedPostgres(new EmbeddedPostgresSettings
        {
            BinDirectory = binaries,
            DataDirectory = dataDirectory,
            Database = "postgres",
            StopMode = "immediate",

            // Throwaway: durability against a crash of the server itself is not what these tests check.
            ServerSettings = new Dictionary<string, string>
            {
                ["max_connections"] = "400",
                ["fsync"] = "off",
                ["synchronous_commit"] = "off",
                ["full_page_writes"] = "off",
            },
        });
        await server.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                server.StopAsync().GetAwaiter().GetResult();
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        };
        return new PostgresServer(server);
    }

    // Data folders of earlier runs whose test process is gone (killed, or ended before its exit handler finished).
    private static async Task RemoveLeftoversAsync(string root, string binaries)
    {
        foreach (var folder in Directory.EnumerateDirectories(root, "pg-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid) || ProcessAlive(pid))
            {
                continue;
            }

            try
            {
                await EmbeddedPostgres.StopLeftoverAsync(new EmbeddedPostgresSettings { BinDirectory = binaries, DataDirectory = folder });
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}