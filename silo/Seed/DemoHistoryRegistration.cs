namespace OrderGrid.Silo.Seed;

public static class DemoHistoryRegistration
{
    /// <summary>
    /// <see cref="DemoHistory"/> (always, so the planning trainer can await it) and the seed that imports the demo
    /// sales history once the host has started. Call after the catalog seed is registered.
    /// </summary>
    public static IServiceCollection AddDemoHistory(this IServiceCollection services)
    {
        services.AddSingleton<DemoHistory>();
        services.AddHostedService<DemoHistorySeeder>();
        return services;
    }
}