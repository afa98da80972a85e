using Microsoft.Extensions.Logging;

namespace OrderGrid.Orders;

internal static partial class OrderLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Order {OrderId}: changes up to version {Version} not delivered yet; retrying")]
    public static partial void DeliveryFailed(this ILogger logger, Exception failure, string orderId, long version);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Order {OrderId}: a step it began (reserve, release, dispatch) failed again; retrying")]
    public static partial void StepsFailed(this ILogger logger, Exception failure, string orderId);
}