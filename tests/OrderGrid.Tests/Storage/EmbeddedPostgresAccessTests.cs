using System.Diagnostics;

using Npgsql;

using OrderGrid.Silo.Storage;

namespace OrderGrid.Tests.Storage;

/// <summary>
/// Row 7 of issue 15: the embedded PostgreSQL lets in only connections that prove its generated password — over
/// loopback TCP and over its Unix socket, from this process or another local account — and a data folder made with
/// trust by an earlier version is secured on start without locking the silo out.
/// </summary>
[Trait(Lane.Name, Lane.System)]
public sealed class EmbeddedPostgresAccessTests
{
    [Fact]
    public async Task Without_the_password_no_connection_gets_in_over_tcp_or_the_socket()
    {
        var server = (await PostgresServer.Shared).Server;
        foreach (var host in new[] { "127.0.0.1", server.SocketDirectory })
        {
            foreach (var password in new string?[] { null, "", "postgres", "wrong-" + server.Password })
            {
                var attempt = new NpgsqlConnectionStringBuilder(server.ConnectionStringFor("postgres")) { Host = host, Password = password, Pooling = false };
                await using var connection = new NpgsqlConnection(attempt.ConnectionString);

                await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
            }

            var rightful = new NpgsqlConnectionStringBuilder(server.ConnectionStringFor("postgres")) { Host = host, Pooling = false };
            await using var allowed = new NpgsqlConnection(rightful.ConnectionString);
            await allowed.OpenAsync();
        }
    }

    [Fact]
    public async Task Another_local_account_without_the_password_is_refused_by_psql_on_tcp_and_the_socket()
    {
        var server = (await PostgresServer.Shared).Server;
        foreach (var host in new[] { "127.0.0.1", server.SocketDirectory })
        {
            var (exitCode, output) = await PsqlAsOtherUser(server, host);

            Assert.NotEqual(0, exitCode);
            Assert.True(
                output.Contains("password", StringComparison.OrdinalIgnoreCase) || output.Contains("Permission denied", StringComparison.Ordinal),
                $"psql -h {host} said: {output}");
        }
    }

    [Fact]
    public async Task The_password_is_kept_in_the_data_folder_for_its_owner_only_and_no_rule_trusts()
    {
        var server = (await PostgresServer.Shared).Server;
        var passwordFile = Path.Combine(server.DataDirectory, EmbeddedPostgres.PasswordFileName);

        var mode = OperatingSystem.IsLinux() ? File.GetUnixFileMode(passwordFile) : throw new PlatformNotSupportedException("The embedded server's account and file modes are Linux's.");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.Equal(server.Password, (await File.ReadAllTextAsync(passwordFile)).Trim());
        Assert.Equal(server.Settings.ServerUser ?? Environment.UserName, (await Run("stat", "-c", "%U", passwordFile)).Output.Trim());
        var hba = await File.ReadAllTextAsync(Path.Combine(server.DataDirectory, "pg_hba.conf"));
        Assert.True(PostgresPassword.RequiresPasswords(hba), hba);
        Assert.DoesNotContain("trust", hba.Split('\n').Where(l => !l.TrimStart().StartsWith('#')), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_data_folder_initialised_with_trust_is_secured_on_start_and_the_silo_works_across_a_restart()
    {
        var binaries = PostgresBinaries.Locate(Environment.GetEnvironmentVariable("ORDERGRID_TEST_POSTGRES_BIN"))!;
        var root = Path.Combine(Path.GetTempPath(), "ordergrid-tests");
        var dataDirectory = Path.Combine(root, $"pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(dataDirectory);
        try
        {
            // As the launcher of earlier versions made it: every local connection trusted, no password anywhere.
            var serverUser = EmbeddedPostgresSettings.IsRoot ? EmbeddedPostgresSettings.RootServerUser : null;
            if (serverUser is not null)
            {
                Assert.Equal(0, (await Run("chown", $"{serverUser}:", dataDirectory)).ExitCode);
            }

            var initdb = await RunAs(serverUser, Path.Combine(binaries, "initdb"), "-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
            Assert.True(initdb.ExitCode == 0, initdb.Output);
            Assert.False(PostgresPassword.RequiresPasswords(await File.ReadAllTextAsync(Path.Combine(dataDirectory, "pg_hba.conf"))));

            string orderId;
            await using (var first = await EmbeddedApp(dataDirectory).StartedAsync())
            {
                var ops = first.Ops;
                var sku = await ApiCalls.Product(ops, ApiCalls.Warehouses[0], 5);
                orderId = ApiCalls.Text((await ApiCalls.PlaceOrder(first.CreateClient(), sku, 2))["id"]);
            }

            Assert.True(PostgresPassword.RequiresPasswords(await File.ReadAllTextAsync(Path.Combine(dataDirectory, "pg_hba.conf"))));
            await using (var second = await EmbeddedApp(dataDirectory).StartedAsync())
            {
                var ops = second.Ops;
                Assert.Equal("Reserved", ApiCalls.Text((await ApiCalls.Order(ops, orderId))["status"]));

                var launcher = new EmbeddedPostgres(new EmbeddedPostgresSettings { BinDirectory = binaries, DataDirectory = dataDirectory });
                var withoutPassword = new NpgsqlConnectionStringBuilder(launcher.ConnectionStringFor("postgres")) { Password = null, Pooling = false };
                await using var refused = new NpgsqlConnection(withoutPassword.ConnectionString);
                await Assert.ThrowsAnyAsync<NpgsqlException>(() => refused.OpenAsync());
                Assert.NotEqual(0, (await PsqlAsOtherUser(launcher, "127.0.0.1")).ExitCode);
            }
        }
        finally
        {
            await EmbeddedPostgres.StopLeftoverAsync(new EmbeddedPostgresSettings { BinDirectory = binaries, DataDirectory = dataDirectory });
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static PostgresApp EmbeddedApp(string dataDirectory) =>
        new(string.Empty, ("OrderGrid:Storage:Mode", "Embedded"), ("OrderGrid:Storage:DataDirectory", dataDirectory), ("OrderGrid:Storage:Port", "0"));

    // As root the attempt is made by 'nobody'; as a normal user, by that user. Either way without a password (no
    // PGPASSWORD, no password file) and never prompting (-w).
    private static Task<(int ExitCode, string Output)> PsqlAsOtherUser(EmbeddedPostgres server, string host) =>
        RunAs(
            EmbeddedPostgresSettings.IsRoot ? "nobody" : null,
            "env",
            "-u", "PGPASSWORD", "PGPASSFILE=/dev/null",
            Path.Combine(server.Settings.BinDirectory, "psql"), "-w", "-h", host, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", EmbeddedPostgres.Superuser, "-d", "postgres", "-c", "SELECT 1");

    private static Task<(int ExitCode, string Output)> RunAs(string? user, string fileName, params string[] arguments) =>
        user is null ? Run(fileName, arguments) : Run("runuser", ["-u", user, "--", fileName, .. arguments]);

    private static async Task<(int ExitCode, string Output)> Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output) + (await errors));
    }
}