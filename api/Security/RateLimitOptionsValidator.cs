using Microsoft.Extensions.Options;

namespace OrderGrid.Api.Security;

/// <summary>Each public limit lets at least one request through per window of one second to one day.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] failures =
        [
            .. new[]
            {
                options.Placement.Problem($"{RateLimitOptions.Section}:Placement"),
                options.Tracking.Problem($"{RateLimitOptions.Section}:Tracking"),
                options.Carts.Problem($"{RateLimitOptions.Section}:Carts"),
                options.SignIn.Problem($"{RateLimitOptions.Section}:SignIn"),
            }.OfType<string>(),
        ];
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}