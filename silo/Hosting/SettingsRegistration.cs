using Microsoft.Extensions.Options;

namespace OrderGrid.Silo.Hosting;

internal static class SettingsRegistration
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and validates it when the host starts.</summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(section));
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }
}