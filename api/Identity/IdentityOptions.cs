using System.ComponentModel.DataAnnotations;

namespace OrderGrid.Api.Identity;

/// <summary>
/// The secret that signs customer tokens and cart ids, and how long a token lasts: section <c>OrderGrid:Identity</c>.
/// Every node of a cluster needs the same secret: configure <see cref="SigningKey"/>, or point every node at one
/// <see cref="SigningKeyFile"/>. Changing it signs every customer out and voids every cart id.
/// </summary>
public sealed class IdentityOptions : IValidatableObject
{
    public const string Section = "OrderGrid:Identity";

    /// <summary>At least this many bytes of secret.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The secret as base64 (at least 32 bytes), e.g. from a secret store; wins over <see cref="SigningKeyFile"/>.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// A file holding the secret, created with 64 random bytes and owner-only permissions on first start when missing;
    /// refused when anyone but its owner may read it. The silo defaults it to <c>signing.key</c> beside the embedded
    /// database's folder; with neither setting (in-memory storage) a new secret is made at every start.
    /// </summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>How long a customer token from sign-in is valid.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SigningKey is { Length: > 0 } key && (!TryDecode(key, out var bytes) || bytes.Length < MinimumKeyBytes))
        {
            yield return new ValidationResult($"must be at least {MinimumKeyBytes} bytes as base64 (e.g. `openssl rand -base64 64`)", [nameof(SigningKey)]);
        }
    }

    internal static bool TryDecode(string base64, out byte[] bytes)
    {
        bytes = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64.Trim(), bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}