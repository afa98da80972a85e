using OrderGrid.Silo.Storage;

namespace OrderGrid.Tests.Faults;

/// <summary>
/// A PostgreSQL server of one test's own (not the run's shared one), so that the test can stop and start it under
/// load without disturbing the others. Its data folder is named like the shared server's, so that a run killed
/// half-way has it removed by the next run; disposing stops the server and deletes the folder.
/// </summary>
public sealed class RestartablePostgres : IAsyncDisposable
{
    private readonly EmbeddedPostgres server;

    private RestartablePostgres(EmbeddedPostgres server) => this.server = server;

    public string ConnectionString => server.ConnectionString;

    /// <summary>Initialises and starts a server with the database <c>ordergrid</c>.</summary>
    public static async Task<RestartablePostgres> StartAsync()
    {
        var binaries = PostgresBinaries.Locate(Environment.GetEnvironmentVariable("ORDERGRID_TEST_POSTGRES_BIN"))
            ?? throw new InvalidOperationException("The fault tests need the PostgreSQL server binaries. " + PostgresBinaries.MissingMessage(null));
        var root = Path.Combine(Path.GetTempPath(), "ordergrid-tests");
        Directory.CreateDirectory(root);
        var server = new EmbeddedPostgres(new EmbeddedPostgresSettings
        {
            BinDirectory = binaries,
            DataDirectory = Path.Combine(root, $"pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]),
            StopMode = "fast",
            ServerSettings = new Dictionary<string, string> { ["max_connections"] = "300", ["fsync"] = "off" },
        });
        await server.StartAsync();
        return new RestartablePostgres(server);
    }

    /// <summary><c>pg_ctl -m fast stop</c>: every connection is closed, new ones are refused.</summary>
    public Task StopAsync() => server.StopAsync();

    /// <summary>Starts the stopped server again on the same port and data.</summary>
    public Task StartAgainAsync() => server.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        try
        {
            Directory.Delete(server.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}