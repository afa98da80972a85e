using Microsoft.Extensions.Options;

using OrderGrid.Webhooks;

namespace OrderGrid.Silo.Webhooks;

/// <summary>
/// Refuses to start with <see cref="WebhookOptions.AllowDevelopmentTargets"/> outside the Development environment, so a
/// setting copied from a developer's machine cannot open loopback and private-network receivers in production.
/// </summary>
internal sealed class WebhookOptionsValidator(bool isDevelopment) : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AllowDevelopmentTargets && !isDevelopment
            ? ValidateOptionsResult.Fail($"{WebhookOptions.Section}:{nameof(WebhookOptions.AllowDevelopmentTargets)} is for development and tests; it is refused outside the Development environment")
            : ValidateOptionsResult.Success;
    }
}