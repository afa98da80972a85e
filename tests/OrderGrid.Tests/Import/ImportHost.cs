
namespace OrderGrid.Tests.Import;

/// <summary>The real host on PostgreSQL storage (External mode, a database of its own), which the import commands run in.</summary>
public sealed class ImportHost : IAsyncLifetime
{
    public PostgresApp App { get; private set; } = null!;

    public IServiceProvider Services => App.Services;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared;
        App = await new PostgresApp(await server.CreateDatabaseAsync("import")).StartedAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}