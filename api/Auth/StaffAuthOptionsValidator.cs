using Microsoft.Extensions.Options;

namespace OrderGrid.Api.Auth;

/// <summary>Refuses to start with keys that are ambiguous, guessable, or demo keys outside Development.</summary>
public sealed class StaffAuthOptionsValidator(bool isDevelopment) : IValidateOptions<StaffAuthOptions>
{
    public const int MinimumKeyLength = 16;
    public const string DemoKeyPrefix = "demo-";

    public ValidateOptionsResult Validate(string? name, StaffAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var hashes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var setting = $"{StaffAuthOptions.Section}:ApiKeys:{i}";
            var apiKey = options.ApiKeys[i];
            if (string.IsNullOrWhiteSpace(apiKey.Name))
            {
                failures.Add($"{setting}:Name is required");
            }
            else if (!names.TryAdd(apiKey.Name, i))
            {
                failures.Add($"{setting}:Name '{apiKey.Name}' is already used by {StaffAuthOptions.Section}:ApiKeys:{names[apiKey.Name]}:Name; names must be unique");
            }

            if (!StaffRoles.All.Contains(apiKey.Role, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{setting}:Role must be one of {string.Join(", ", StaffRoles.All)}");
            }

            if (HashOf(apiKey, setting, failures) is { } hash && !hashes.TryAdd(hash, i))
            {
                failures.Add($"{setting} is the same key as {StaffAuthOptions.Section}:ApiKeys:{hashes[hash]}; keys must be unique");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The entry's key hash, or null after adding why the entry is refused.</summary>
    private string? HashOf(StaffApiKey apiKey, string setting, List<string> failures)
    {
        var plain = apiKey.Key.Length > 0;
        var hashed = apiKey.KeySha256.Length > 0;
        if (plain == hashed)
        {
            failures.Add($"{setting} needs exactly one of Key (plaintext) and KeySha256 (64 hex digits, from `hash-key`)");
            return null;
        }

        if (hashed)
        {
            if (apiKey.KeySha256.Length == 64 && apiKey.KeySha256.All(char.IsAsciiHexDigit))
            {
                return apiKey.KeySha256;
            }

            failures.Add($"{setting}:KeySha256 must be the key's SHA-256 as 64 hex digits");
            return null;
        }

        if (apiKey.Key.Length < MinimumKeyLength || apiKey.Key.Any(char.IsWhiteSpace))
        {
            failures.Add($"{setting}:Key must be at least {MinimumKeyLength} characters, without spaces");
            return null;
        }

        if (apiKey.Key.StartsWith(Identity.CustomerTokens.Prefix, StringComparison.Ordinal))
        {
            failures.Add($"{setting}:Key starts with '{Identity.CustomerTokens.Prefix}', which marks customer tokens; choose another key");
            return null;
        }

        if (!isDevelopment && apiKey.Key.StartsWith(DemoKeyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{setting}:Key is a demo key (starts with '{DemoKeyPrefix}'); demo keys are refused outside the Development environment");
            return null;
        }

        return StaffKeyring.HashOf(apiKey.Key);
    }
}