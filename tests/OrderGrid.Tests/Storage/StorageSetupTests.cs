using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

using Npgsql;

using OrderGrid.Silo.Storage;

namespace OrderGrid.Tests.Storage;

[Trait(Lane.Name, Lane.Fast)]
public sealed class StorageSetupTests
{
    [Fact]
    public void Embedded_is_the_default_mode()
    {
        Assert.Equal(StorageModes.Embedded, new StorageOptions().Mode);
    }

    [Fact]
    public void An_unknown_mode_is_refused_naming_the_setting_and_the_modes()
    {
        var refused = Assert.Throws<StorageConfigurationException>(() => Read(("OrderGrid:Storage:Mode", "Postgres")));

        Assert.Contains("OrderGrid:Storage:Mode is 'Postgres'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Embedded, External, InMemory", refused.Message, StringComparison.Ordinal);
        Assert.Equal(StorageConfigurationException.InvalidSettingsExitCode, refused.ExitCode);
    }

    [Fact]
    public void External_without_a_connection_string_is_refused_naming_it()
    {
        var refused = Assert.Throws<StorageConfigurationException>(() => Read(("OrderGrid:Storage:Mode", "External")));

        Assert.Contains("ConnectionStrings:OrderGrid", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_with_a_broken_connection_string_is_refused()
    {
        var refused = Assert.Throws<StorageConfigurationException>(() =>
            Read(("OrderGrid:Storage:Mode", "external"), ("ConnectionStrings:OrderGrid", "Hots=db;Nonsense=1")));

        Assert.Contains("not an Npgsql connection string", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_without_server_binaries_names_the_debian_package_and_the_external_alternative()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-postgres-{Guid.NewGuid():N}");

        var refused = Assert.Throws<StorageConfigurationException>(() =>
            Read(("OrderGrid:Storage:Mode", "Embedded"), ("OrderGrid:Storage:PostgresBinDirectory", missing)));

        Assert.Equal(StorageConfigurationException.PostgresMissingExitCode, refused.ExitCode);
        Assert.Contains("apt-get install -y postgresql", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Mode=External", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_binaries_are_found_on_path_then_under_the_newest_debian_version_folder()
    {
        var root = Directory.CreateTempSubdirectory("og-pgbin-").FullName;
        try
        {
            var onPath = FakeBinaries(Path.Combine(root, "path-bin"));
            var debian = Path.Combine(root, "usr-lib-postgresql");
            FakeBinaries(Path.Combine(debian, "13", "bin"));
            var newest = FakeBinaries(Path.Combine(debian, "16", "bin"));
            Directory.CreateDirectory(Path.Combine(debian, "9.6", "bin"));

            Assert.Equal(onPath, PostgresBinaries.Locate(null, $"/nowhere{Path.PathSeparator}{onPath}", debian));
            Assert.Equal(newest, PostgresBinaries.Locate(null, "/nowhere", debian));
            Assert.Null(PostgresBinaries.Locate(null, "/nowhere", Path.Combine(root, "absent")));
            Assert.Equal(newest, PostgresBinaries.Locate(newest, "/nowhere", Path.Combine(root, "absent")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void InMemory_registers_no_data_source_and_postgres_modes_do()
    {
        var inMemory = new ServiceCollection().AddOrderGridStorage(Read(("OrderGrid:Storage:Mode", "InMemory")));
        var external = new ServiceCollection().AddOrderGridStorage(
            Read(("OrderGrid:Storage:Mode", "External"), ("ConnectionStrings:OrderGrid", "Host=127.0.0.1;Database=x;Username=u")));

        Assert.DoesNotContain(inMemory, service => service.ServiceType == typeof(NpgsqlDataSource));
        Assert.Contains(external, service => service.ServiceType == typeof(NpgsqlDataSource));
    }

    [Theory]
    [InlineData("Development", "External", true)]
    [InlineData("Production", "External", false)]
    [InlineData("Production", "InMemory", false)]
    public void Migrations_run_at_start_in_development_and_embedded_mode(string environment, string mode, bool migrates)
    {
        var setup = Read(environment, ("OrderGrid:Storage:Mode", mode), ("ConnectionStrings:OrderGrid", "Host=127.0.0.1;Database=x;Username=u"));

        Assert.Equal(migrates, setup.MigrateOnStart);
    }

    private static StorageSetup Read(params (string Key, string Value)[] settings) => Read("Production", settings);

    private static StorageSetup Read(string environment, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return StorageSetup.Read(configuration, new HostingEnvironment { EnvironmentName = environment, ContentRootPath = Path.GetTempPath() });
    }

    private static string FakeBinaries(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var name in new[] { "initdb", "pg_ctl", "postgres" })
        {
            File.WriteAllText(Path.Combine(folder, name), "");
        }

        return folder;
    }
}