namespace OrderGrid.Silo.Seed;

public static class DemoHistoryRegistration
{
    /// <summary>
    /// <see cref="DemoHistory"/> (always, so the planning trainer can await it) and the seed that imports the demo
    /// sales history in the background. Call right after the database's start is registered and before the silo's:
    /// hosted services start in registration order, so the import begins as soon as the schema is ready.
    /// </summary>
    public static IServiceCollection AddDemoHistory(this IServiceCollection services)
    {
        services.AddSingleton<DemoHistory>();
        services.AddHostedService<DemoHistorySeeder>();
        return services;
    }
}