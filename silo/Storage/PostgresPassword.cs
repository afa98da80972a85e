using System.Security.Cryptography;

namespace OrderGrid.Silo.Storage;

/// <summary>The embedded server's password and the client authentication (pg_hba.conf) that asks for it.</summary>
public static class PostgresPassword
{
    /// <summary>
    /// Every connection, over the Unix socket or loopback TCP (the server listens nowhere else), proves the password
    /// with scram-sha-256: no trust, no peer, no plain password.
    /// </summary>
    public const string HostBasedAuthentication =
        """
        # Written by OrderGrid: every connection proves the superuser's password (ordergrid.password) with scram-sha-256.
        # TYPE  DATABASE     USER  ADDRESS        METHOD
        local   all          all                  scram-sha-256
        host    all          all   127.0.0.1/32   scram-sha-256
        host    all          all   ::1/128        scram-sha-256
        local   replication  all                  scram-sha-256
        host    replication  all   127.0.0.1/32   scram-sha-256
        host    replication  all   ::1/128        scram-sha-256

        """;

    /// <summary>A new password: 256 random bits as hex (nothing to quote in SQL or a connection string).</summary>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored password, or null when the file is missing or empty.</summary>
    public static string? Read(string file)
    {
        try
        {
            var text = File.ReadAllText(file).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when every rule of <paramref name="hba"/> asks for a scram-sha-256 password (or refuses).</summary>
    public static bool RequiresPasswords(string hba)
    {
        ArgumentNullException.ThrowIfNull(hba);
        var rules = hba.Split('\n')
            .Select(line => line.Split('#')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 0)
            .ToList();
        return rules.Count > 0 && rules.All(fields =>
        {
            // local DATABASE USER METHOD; host* DATABASE USER ADDRESS METHOD (the address may be "addr mask").
            var method = fields.Skip(fields[0] == "local" ? 3 : 4).FirstOrDefault(f => !f.Contains('.', StringComparison.Ordinal) && !f.Contains(':', StringComparison.Ordinal));
            return method is "scram-sha-256" or "reject";
        });
    }
}