using System.ComponentModel.DataAnnotations;

using Microsoft.Extensions.Options;

namespace OrderGrid.Silo.Hosting;

/// <summary>
/// Data-annotation validation whose failures name the full configuration key
/// (<c>OrderGrid:Fulfilment:Carriers</c>), so that a failed start says which setting to fix.
/// </summary>
internal sealed class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(results.Select(result =>
            $"{section}:{string.Join(",", result.MemberNames)}: {result.ErrorMessage}"));
    }
}