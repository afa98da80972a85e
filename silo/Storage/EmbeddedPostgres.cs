using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

using OrderGrid.Silo.Cluster;

namespace OrderGrid.Silo.Storage;

/// <summary>
/// A PostgreSQL server this process runs from the installed server binaries: initialises the data folder
/// once (initdb), starts the server on a loopback port and a socket folder of its own, with scram-sha-256
/// password authentication for every connection (the generated password is kept in the data folder, readable by its
/// owner only; a folder made with trust by an earlier version is secured on start), creates the database, and stops it again (<c>pg_ctl -m fast stop</c>). As root the server runs as the
/// <c>postgres</c> account through <c>runuser</c>. A server left running by a process that was killed is
/// taken over; one that another live OrderGrid process started is shared and left to that process to stop.
/// Embedded mode and the test fixture both use this class.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The superuser initdb creates; it signs in with the password of <see cref="PasswordFileName"/>.</summary>
    public const string Superuser = "postgres";

    /// <summary>The superuser's password, generated once, in the data folder (mode 600, owned by the server's account).</summary>
    public const string PasswordFileName = "ordergrid.password";

    // The id of the OrderGrid process that started the server and stops it, beside the server's own files.
    private const string OwnerFileName = "ordergrid.owner";

    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool owned;

    public EmbeddedPostgres(EmbeddedPostgresSettings settings, ILogger<EmbeddedPostgres>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        DataDirectory = Path.GetFullPath(settings.DataDirectory);
        SocketDirectory = Path.Combine(Path.GetTempPath(), "ordergrid-pg-" + ShortHash(DataDirectory));

        // Decided now, so that a connection string exists before the server runs: a server already running on
        // this data folder keeps its port, otherwise the configured one or a free one; the password is the stored
        // one, or a new one that starting the server stores.
        Port = RunningServer()?.Port ?? (settings.Port != 0 ? settings.Port : FreePorts.Pick());
        Password = PostgresPassword.Read(PasswordFile) ?? PostgresPassword.Generate();
    }

    /// <summary>The superuser's password (see <see cref="PasswordFileName"/>).</summary>
    public string Password { get; }

    private string PasswordFile => Path.Combine(DataDirectory, PasswordFileName);

    public EmbeddedPostgresSettings Settings { get; }

    public string DataDirectory { get; }

    /// <summary>The folder of the server's Unix socket (owned by the server's account): <c>psql -h</c> it.</summary>
    public string SocketDirectory { get; }

    public int Port { get; }

    /// <summary>True between a successful <see cref="StartAsync"/> and <see cref="StopAsync"/>.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>True when this process stops the server on <see cref="StopAsync"/> (it started it, or took it over).</summary>
    public bool OwnsServer => owned;

    /// <summary>The connection string of <see cref="EmbeddedPostgresSettings.Database"/>, with the password: never log it.</summary>
    public string ConnectionString => ConnectionStringFor(Settings.Database);

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// The first ancestor of <paramref name="dataDirectory"/> that the server's account cannot enter when this
    /// process is root (e.g. <c>/root</c>, mode 700), or null. Only folders that exist are checked.
    /// </summary>
    public static string? UnreachableAncestor(string dataDirectory, string? serverUser)
    {
        if (serverUser is null || OperatingSystem.IsWindows())
        {
            return null;
        }

        for (var folder = Path.GetDirectoryName(Path.GetFullPath(dataDirectory)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder) && !File.GetUnixFileMode(folder).HasFlag(UnixFileMode.OtherExecute))
            {
                return folder;
            }
        }

        return null;
    }

    /// <summary>Initialises the data folder when new, starts (or takes over) the server and creates the database.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (IsRunning)
            {
                return;
            }

            var clock = Stopwatch.StartNew();
            await InitialiseAsync(cancellationToken);
            if (RunningServer() is { } server)
            {
                await TakeOverAsync(server, cancellationToken);
            }
            else
            {
                await LaunchAsync(cancellationToken);
            }

            IsRunning = true;
            await SecureAsync(cancellationToken);
            await CreateDatabaseAsync(Settings.Database, cancellationToken);
            var shown = new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString;
            LogReady(logger, shown, DataDirectory, clock.ElapsedMilliseconds);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops the server if this process owns it (<c>pg_ctl -m fast stop</c>); the data stays.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!IsRunning)
            {
                return;
            }

            IsRunning = false;
            NpgsqlConnection.ClearAllPools();
            if (!owned)
            {
                LogLeftRunning(logger, DataDirectory);
                return;
            }

            var clock = Stopwatch.StartNew();
            var (exitCode, output) = await RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", Settings.StopMode, "-w", "-t", "60"], cancellationToken);
            TryDelete(Path.Combine(DataDirectory, OwnerFileName));
            owned = false;
            if (exitCode != 0 && RunningServer() is not null)
            {
                throw new InvalidOperationException($"pg_ctl stop failed (exit code {exitCode}): {output}");
            }

            LogStopped(logger, DataDirectory, clock.ElapsedMilliseconds);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Stops a server still running on <paramref name="settings"/>' data folder although no OrderGrid process owns it
    /// any more (e.g. a test run that was killed); answers whether one was running. Used to clean up leftovers.
    /// </summary>
    public static async Task<bool> StopLeftoverAsync(EmbeddedPostgresSettings settings, CancellationToken cancellationToken = default)
    {
        var leftover = new EmbeddedPostgres(settings);
        await using (leftover)
        {
            if (leftover.RunningServer() is null)
            {
                return false;
            }

            await leftover.RunToolAsync("pg_ctl", ["stop", "-D", leftover.DataDirectory, "-m", "immediate", "-w", "-t", "60"], cancellationToken);
            return true;
        }
    }

    /// <summary>Creates <paramref name="database"/> unless it exists (safe when several processes race).</summary>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        if (!database.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Database names are lower-case letters, digits and '_': '{database}'.", nameof(database));
        }

        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            LogDatabaseCreated(logger, database);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it a moment ago.
        }
    }

    // The gate is not disposed: a test host's container can be disposed while the host still stops its hosted
    // services, and DatabaseStartup.StopAsync must then find the server already stopped, not a disposed gate. A
    // SemaphoreSlim whose wait handle is never asked for holds nothing to release.
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        if (Directory.Exists(DataDirectory) && Directory.EnumerateFileSystemEntries(DataDirectory).Any())
        {
            throw new InvalidOperationException(
                $"{DataDirectory} is neither empty nor a PostgreSQL data folder (it has no PG_VERSION); empty it or set {StorageOptions.Section}:DataDirectory to another folder.");
        }

        if (UnreachableAncestor(DataDirectory, Settings.ServerUser) is { } blocked)
        {
            throw new InvalidOperationException(
                $"The '{Settings.ServerUser}' account the server runs as cannot enter {blocked}, so it cannot use {DataDirectory}; set {StorageOptions.Section}:DataDirectory to a folder outside it.");
        }

        // initdb into a staging folder that is renamed when complete: an interrupted initdb never leaves a half-made data folder.
        LogInitialising(logger, DataDirectory);
        var clock = Stopwatch.StartNew();
        var staging = DataDirectory + ".initdb";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        await GiveToServerAccountAsync(staging, cancellationToken);

        // initdb reads the password from a file of its own, outside the folder it fills (which must start empty).
        var passwordInput = Path.Combine(Path.GetTempPath(), $"ordergrid-initdb-{Guid.NewGuid():N}");
        await WriteOwnerOnlyAsync(passwordInput, Password, cancellationToken);
        int exitCode;
        string output;
        try
        {
            (exitCode, output) = await RunToolAsync(
                "initdb",
                ["-D", staging, "-U", Superuser, $"--pwfile={passwordInput}", "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"],
                cancellationToken);
        }
        finally
        {
            TryDelete(passwordInput);
        }

        if (exitCode != 0)
        {
            TryDelete(staging);
            throw new InvalidOperationException($"initdb failed (exit code {exitCode}) for {DataDirectory}: {output}");
        }

        await WriteOwnerOnlyAsync(Path.Combine(staging, PasswordFileName), Password, cancellationToken);
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory);
        }

        Directory.Move(staging, DataDirectory);
        LogInitialised(logger, DataDirectory, Settings.BinDirectory, clock.ElapsedMilliseconds);
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        // A postmaster.pid whose process is gone (a killed run, a reboot) would make the server refuse to start if
        // its pid now belongs to another process: remove it. RunningServer() has already said no live server owns it.
        TryDelete(Path.Combine(DataDirectory, "postmaster.pid"));

        Directory.CreateDirectory(SocketDirectory);
        await GiveToServerAccountAsync(SocketDirectory, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // Nobody but the server's account (and root) reaches the socket at all; the password is asked for anyway.
            File.SetUnixFileMode(SocketDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var serverOptions = new StringBuilder().Append(CultureInfo.InvariantCulture, $"-p {Port} -k \"{SocketDirectory}\" -c listen_addresses=127.0.0.1");
        foreach (var (name, value) in Settings.ServerSettings)
        {
            serverOptions.Append(CultureInfo.InvariantCulture, $" -c {name}={value}");
        }

        var (exitCode, output) = await RunToolAsync(
            "pg_ctl",
            ["start", "-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "-o", serverOptions.ToString()],
            cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"pg_ctl start failed (exit code {exitCode}) for {DataDirectory} on port {Port}: {output}{Environment.NewLine}Server log: {Path.Combine(DataDirectory, "server.log")}");
        }

        owned = true;
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    private async Task TakeOverAsync((int Pid, int Port) server, CancellationToken cancellationToken)
    {
        var owner = ReadOwner();
        var ownerAlive = owner is { } pid && pid != Environment.ProcessId && ProcessExists(pid);
        if (server.Port != Port)
        {
            if (ownerAlive)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL on {DataDirectory} is running on port {server.Port}, started by OrderGrid process {owner}; this process expected port {Port}. Stop that process or use another {StorageOptions.Section}:DataDirectory.");
            }

            // Left by a killed run on another port: stop it and start it again on ours.
            await RunToolAsync("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], cancellationToken);
            await LaunchAsync(cancellationToken);
            return;
        }

        owned = !ownerAlive;
        if (owned)
        {
            await File.WriteAllTextAsync(Path.Combine(DataDirectory, OwnerFileName), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
            LogTakenOver(logger, DataDirectory, server.Pid, server.Port);
        }
        else
        {
            LogShared(logger, DataDirectory, server.Port, owner ?? 0);
        }
    }

    /// <summary>The server running on the data folder now (from postmaster.pid, its process alive), or null.</summary>
    private (int Pid, int Port)? RunningServer()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(pidFile);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // Line 1: the postmaster's pid; line 4: its port (https://www.postgresql.org/docs/current/storage-file-layout.html).
        if (lines.Length < 4
            || !int.TryParse(lines[0].Trim(), CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(lines[3].Trim(), CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        return IsPostgresProcess(pid) ? (pid, port) : null;
    }

    private int? ReadOwner()
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(DataDirectory, OwnerFileName)).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsPostgresProcess(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // The pid of a killed run may belong to another program by now (after a reboot, say).
                return File.ReadAllText($"/proc/{pid}/comm").Trim() is "postgres" or "postmaster";
            }
            catch (IOException)
            {
                return false;
            }
        }

        return ProcessExists(pid);
    }

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Makes every connection prove the password. A data folder initialised by an earlier version trusts every local
    /// connection: while it still does, the superuser gets the password (stored first, so that a crash half-way
    /// leaves a folder that is still trusted and is secured again on the next start), then pg_hba.conf is rewritten
    /// to scram-sha-256 and the server reloads it. A folder that asks for passwords but has lost its password file
    /// cannot be opened: that is said, not guessed at.
    /// </summary>
    private async Task SecureAsync(CancellationToken cancellationToken)
    {
        var hbaFile = Path.Combine(DataDirectory, "pg_hba.conf");
        var hba = await File.ReadAllTextAsync(hbaFile, cancellationToken);
        if (PostgresPassword.RequiresPasswords(hba))
        {
            if (!File.Exists(PasswordFile))
            {
                throw new InvalidOperationException(
                    $"{DataDirectory} asks for a password but {PasswordFileName} is missing from it; restore that file (the superuser's password) or start from an empty data folder.");
            }

            return;
        }

        await WriteOwnerOnlyAsync(PasswordFile, Password, cancellationToken);
        await using (var connection = new NpgsqlConnection(ConnectionStringFor("postgres")))
        {
            await connection.OpenAsync(cancellationToken);
            await using var setPassword = new NpgsqlCommand(
                $"SET password_encryption = 'scram-sha-256'; ALTER ROLE \"{Superuser}\" PASSWORD '{Password}'", connection);
            await setPassword.ExecuteNonQueryAsync(cancellationToken);
            var staged = hbaFile + ".ordergrid";
            await WriteOwnerOnlyAsync(staged, PostgresPassword.HostBasedAuthentication, cancellationToken);
            File.Move(staged, hbaFile, overwrite: true);
            await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
            await reload.ExecuteNonQueryAsync(cancellationToken);
        }

        NpgsqlConnection.ClearAllPools();
        LogSecured(logger, DataDirectory);
    }

    // A file only its owner reads: the server's account when this process is root (the server reads it), else this user.
    private async Task WriteOwnerOnlyAsync(string file, string text, CancellationToken cancellationToken)
    {
        // Emptied and closed to others before the secret goes in.
        await File.WriteAllTextAsync(file, string.Empty, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await File.WriteAllTextAsync(file, text, cancellationToken);

        await GiveToServerAccountAsync(file, cancellationToken);
    }

    private async Task GiveToServerAccountAsync(string folder, CancellationToken cancellationToken)
    {
        if (Settings.ServerUser is not { } user)
        {
            return;
        }

        var (exitCode, output) = await RunAsync("chown", [$"{user}:", folder], cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"Could not give {folder} to the '{user}' account the server runs as (exit code {exitCode}): {output}. Does the account exist? (Debian's postgresql package creates it.)");
        }
    }

    // Runs initdb/pg_ctl from the binaries folder, as the server's account when this process is root.
    private Task<(int ExitCode, string Output)> RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(Settings.BinDirectory, tool);
        return Settings.ServerUser is { } user
            ? RunAsync("runuser", ["-u", user, "--", executable, .. arguments], cancellationToken)
            : RunAsync(executable, arguments, cancellationToken);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // The server's account may not be allowed into the current folder (e.g. /root/...).
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        LogRunning(logger, fileName, arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = $"{await standardOutput}{await standardError}".Trim();
        return (process.ExitCode, output);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL (embedded) ready in {ElapsedMs} ms: {ConnectionString} (password not shown; data folder {DataDirectory})")]
    private static partial void LogReady(ILogger logger, string connectionString, string dataDirectory, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "First start: creating the PostgreSQL data folder {DataDirectory} (initdb)…")]
    private static partial void LogInitialising(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL data folder {DataDirectory} initialised with {BinDirectory}/initdb in {ElapsedMs} ms")]
    private static partial void LogInitialised(ILogger logger, string dataDirectory, string binDirectory, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL on {DataDirectory} trusted every local connection: the superuser now has a generated password (kept in the data folder) and pg_hba.conf asks for it (scram-sha-256)")]
    private static partial void LogSecured(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} created")]
    private static partial void LogDatabaseCreated(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL on {DataDirectory} (pid {Pid}, port {Port}) was left running by an OrderGrid process that no longer exists; this process takes it over and stops it on shutdown")]
    private static partial void LogTakenOver(ILogger logger, string dataDirectory, int pid, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL on {DataDirectory} (port {Port}) belongs to OrderGrid process {OwnerPid}; this process shares it and leaves it running")]
    private static partial void LogShared(ILogger logger, string dataDirectory, int port, int ownerPid);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL on {DataDirectory} left running for the process that started it")]
    private static partial void LogLeftRunning(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL (embedded) on {DataDirectory} stopped in {ElapsedMs} ms")]
    private static partial void LogStopped(ILogger logger, string dataDirectory, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Running {FileName} {Arguments}")]
    private static partial void LogRunning(ILogger logger, string fileName, IReadOnlyList<string> arguments);
}