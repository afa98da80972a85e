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
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
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

            if (apiKey.Key.Length < MinimumKeyLength)
            {
                failures.Add($"{setting}:Key must be at least {MinimumKeyLength} characters");
            }
            else if (apiKey.Key.Any(char.IsWhiteSpace))
            {
                failures.Add($"{setting}:Key must not contain spaces");
            }
            else if (!keys.TryAdd(apiKey.Key, i))
            {
                failures.Add($"{setting}:Key is the same as {StaffAuthOptions.Section}:ApiKeys:{keys[apiKey.Key]}:Key; keys must be unique");
            }

            if (!isDevelopment && apiKey.Key.StartsWith(DemoKeyPrefix, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{setting}:Key is a demo key (starts with '{DemoKeyPrefix}'); demo keys are refused outside the Development environment");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}