using OrderGrid.Demo;
using OrderGrid.Silo.Hosting;

namespace OrderGrid.Silo.Demo;

public static class DemoTrafficRegistration
{
    /// <summary>
    /// The simulator's settings (<c>OrderGrid:Demo</c>, checked at start) and the starter that wakes it. Hosted
    /// services start in registration order: call this after the demo seed is registered.
    /// </summary>
    public static IServiceCollection AddDemoTraffic(this IServiceCollection services)
    {
        services.AddSettings<DemoTrafficOptions>(DemoTrafficOptions.Section);
        services.AddHostedService<DemoTrafficStarter>();
        return services;
    }
}