using Microsoft.AspNetCore.SignalR;

namespace OrderGrid.Api.Live;

/// <summary>
/// The one place hub method failures are logged. A refusal (<see cref="HubException"/>: an order not found, too many
/// follows) is the caller's business: one Information line, no stack. Anything else is a bug: an error with its
/// exception. SignalR's dispatcher would log every refusal as an error with a stack trace, so its own failure log is
/// switched off where this filter is registered (<see cref="LiveServiceCollectionExtensions"/>); the exception still
/// travels on, so the caller gets the same answer as before.
/// </summary>
public sealed partial class HubRefusalLog(ILogger<HubRefusalLog> logger) : IHubFilter
{
    /// <summary>The logging category of SignalR's dispatcher, whose failure log this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refusal)
        {
            LogRefused(logger, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName, refusal.Message, invocationContext.Context.ConnectionId);
            throw;
        }
        catch (Exception failure)
        {
            LogFailed(logger, failure, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Hub}.{Method} refused: {Reason} (connection {ConnectionId})")]
    private static partial void LogRefused(ILogger logger, string hub, string method, string reason, string connectionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Hub}.{Method} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string hub, string method);
}