using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Options;

namespace OrderGrid.Api.Auth;

/// <summary>
/// The configured staff keys as SHA-256 hashes only: a plaintext <c>Key</c> is hashed once when the settings load,
/// a <c>KeySha256</c> is taken as it is. A presented key is hashed and compared with every entry in constant time.
/// </summary>
public sealed class StaffKeyring(IOptionsMonitor<StaffAuthOptions> options)
{
    private HashedKeys? loaded;

    /// <summary>The lowercase hex SHA-256 of a key's UTF-8 bytes, as <c>KeySha256</c> takes it.</summary>
    public static string HashOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>
    /// Compares with every key, always with all of them, so that neither the timing of a comparison nor the position
    /// of a match tells anything about a key.
    /// </summary>
    public StaffApiKey? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        Span<byte> presentedHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), presentedHash);
        StaffApiKey? match = null;
        foreach (var (key, hash) in Keys())
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, hash))
            {
                match = key;
            }
        }

        return match;
    }

    private ImmutableArray<(StaffApiKey Key, byte[] Hash)> Keys()
    {
        // The monitor hands out a new settings object only when the configuration reloads: hash again then.
        var current = options.CurrentValue;
        var snapshot = loaded;
        if (snapshot is null || !ReferenceEquals(snapshot.Source, current))
        {
            snapshot = new HashedKeys(current, [.. current.ApiKeys.Select(key => (key, Convert.FromHexString(HashOfEntry(key))))]);
            loaded = snapshot;
        }

        return snapshot.Keys;
    }

    private static string HashOfEntry(StaffApiKey key) => key.KeySha256.Length > 0 ? key.KeySha256 : HashOf(key.Key);

    private sealed record HashedKeys(StaffAuthOptions Source, ImmutableArray<(StaffApiKey Key, byte[] Hash)> Keys);
}