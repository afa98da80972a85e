using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Options;

namespace OrderGrid.Api.Identity;

/// <summary>
/// The identity secret (<see cref="IdentityOptions"/>), loaded once, and the keys derived from it for each use (HKDF),
/// so that a cart id can never pass for a customer token or the other way round.
/// </summary>
public sealed class SigningKeys
{
    /// <summary>Bytes of a generated secret.</summary>
    public const int GeneratedKeyBytes = 64;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public SigningKeys(IOptions<IdentityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = Secret(options.Value);
        CartIds = Derive(secret, "ordergrid cart id v1");
        CustomerTokens = Derive(secret, "ordergrid customer token v1");
        CryptographicOperations.ZeroMemory(secret);
    }

    /// <summary>Signs cart ids.</summary>
    internal byte[] CartIds { get; }

    /// <summary>Signs customer tokens.</summary>
    internal byte[] CustomerTokens { get; }

    /// <summary>
    /// The secret from the file, after checking that only its owner may read it; a missing file is created first, with
    /// owner-only permissions from the start (never readable by others, even for a moment).
    /// </summary>
    public static byte[] ReadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Create(full);
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & GroupOrOther) != 0)
        {
            throw Invalid($"'{full}' may be read or changed by others than its owner; `chmod 600` it (or replace it)");
        }

        var text = File.ReadAllText(full);
        if (!IdentityOptions.TryDecode(text, out var secret) || secret.Length < IdentityOptions.MinimumKeyBytes)
        {
            throw Invalid($"'{full}' must hold at least {IdentityOptions.MinimumKeyBytes} bytes as base64");
        }

        return secret;
    }

    private static byte[] Secret(IdentityOptions options)
    {
        if (options.SigningKey is { Length: > 0 } configured && IdentityOptions.TryDecode(configured, out var secret))
        {
            return secret;
        }

        if (options.SigningKeyFile is not { Length: > 0 } file)
        {
            return RandomNumberGenerator.GetBytes(GeneratedKeyBytes);
        }

        try
        {
            return ReadOrCreate(file);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw Invalid($"'{file}' cannot be read or created: {problem.Message}");
        }
    }

    private static OptionsValidationException Invalid(string problem) =>
        new(IdentityOptions.Section, typeof(IdentityOptions), [$"{IdentityOptions.Section}:SigningKeyFile {problem}"]);

    private static void Create(string path)
    {
        // The folder keeps the usual permissions: it is also the way in to the embedded database's folder, which the
        // postgres account must reach; the file itself is what only its owner may read.
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written whole under another name, then moved in place: a node starting at the same time never reads half a key.
        var text = Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes)) + "\n");
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = OwnerOnly;
        }

        using (var stream = new FileStream(temporary, file))
        {
            stream.Write(text);
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another node on this machine made one first: every node uses that one.
            File.Delete(temporary);
        }
    }

    private static byte[] Derive(byte[] secret, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));
}