using Microsoft.Extensions.Options;

namespace OrderGrid.Silo.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        StorageOptions.Modes.Contains(options.Mode, StringComparer.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{StorageOptions.Section}:Mode is '{options.Mode}'; allowed values: {string.Join(", ", StorageOptions.Modes)}.");
}