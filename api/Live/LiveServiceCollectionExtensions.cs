using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using OrderGrid.Orders;
using OrderGrid.Planning;
using OrderGrid.Stock;

namespace OrderGrid.Api.Live;

public static class LiveServiceCollectionExtensions
{
    /// <summary>
    /// SignalR with the API's JSON and one log of hub refusals and failures, the limit on following orders, this node's place in the live network, the fan-out of order and stock changes
    /// (registered as a listener of the order change feed and of stock) and the wall's broadcaster.
    /// </summary>
    public static IServiceCollection AddOrderGridLive(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>()
            .BindConfiguration(LiveOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSignalR(options => options.AddFilter<HubRefusalLog>())
            .AddJsonProtocol(options => ApiJson.Configure(options.PayloadSerializerOptions));
        services.AddLogging(logging => logging.AddFilter(HubRefusalLog.DispatcherCategory, LogLevel.Critical));
        services.AddSingleton<FollowLimiter>();

        services.AddSingleton<LiveNode>();
        services.AddSingleton<LiveNetwork>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveNetwork>());
        services.AddSingleton<LiveFanOut>();
        services.AddSingleton<IOrderChangeListener>(provider => provider.GetRequiredService<LiveFanOut>());
        services.AddSingleton<IStockChangeListener>(provider => provider.GetRequiredService<LiveFanOut>());
        services.AddSingleton<IPlanningListener>(provider => provider.GetRequiredService<LiveFanOut>());
        services.AddHostedService(provider => provider.GetRequiredService<LiveFanOut>());
        services.AddHostedService<WallBroadcaster>();
        return services;
    }
}