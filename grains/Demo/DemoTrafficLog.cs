using Microsoft.Extensions.Logging;

namespace OrderGrid.Demo;

internal static partial class DemoTrafficLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Demo traffic started: {OrdersPerMinute} orders a minute")]
    public static partial void Started(this ILogger logger, int ordersPerMinute);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Demo traffic stopped after placing {Placed} orders")]
    public static partial void Stopped(this ILogger logger, long placed);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Demo traffic: the catalog is empty, so no orders are placed (seed it with OrderGrid:Demo:Seed=true)")]
    public static partial void NoProducts(this ILogger logger);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Demo traffic: {Action} on order {OrderId} failed; trying again later")]
    public static partial void StepFailed(this ILogger logger, Exception failure, DemoAction action, string orderId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Demo traffic: {Action} on order {OrderId} was refused: {Reason}")]
    public static partial void StepRefused(this ILogger logger, DemoAction action, string orderId, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Demo traffic: the supplier delivery of {Sku} to {WarehouseId} failed; trying again later")]
    public static partial void DeliveryFailed(this ILogger logger, Exception failure, string sku, string warehouseId);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Demo traffic: a tick failed; the next one carries on")]
    public static partial void TickFailed(this ILogger logger, Exception failure);
}