using System.Collections.Concurrent;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OrderGrid.Tests.Webhooks;

/// <summary>An ERP stand-in: a tiny Kestrel app on a free port that records every post and fails the first few.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, int failFirst, string? redirectTo)
    {
        _app = app;
        _failuresLeft = failFirst;
        _app.MapPost("/hook", async (HttpRequest request) =>
        {
            if (redirectTo is not null)
            {
                Received.Enqueue(new ReceivedWebhook(request.Headers["X-OrderGrid-Event-Id"].ToString(), "", 0, "", "", StatusCodes.Status307TemporaryRedirect));
                return Results.Redirect(redirectTo, permanent: false, preserveMethod: true);
            }

            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var failing = Interlocked.Decrement(ref _failuresLeft) >= 0;
            Received.Enqueue(new ReceivedWebhook(
                request.Headers["X-OrderGrid-Event-Id"].ToString(),
                request.Headers["X-OrderGrid-Event-Type"].ToString(),
                long.Parse(request.Headers["X-OrderGrid-Timestamp"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                request.Headers["X-OrderGrid-Signature"].ToString(),
                body,
                failing ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK));
            return failing ? Results.StatusCode(StatusCodes.Status500InternalServerError) : Results.Ok();
        });
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public string Url => _app.Urls.First() + "/hook";

    /// <summary>
    /// Starts a receiver that answers 500 to its first <paramref name="failFirst"/> posts and 200 after, or, given
    /// <paramref name="redirectTo"/>, 307 to that address every time.
    /// </summary>
    public static async Task<WebhookReceiver> Start(int failFirst = 0, string? redirectTo = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build(), failFirst, redirectTo);
        await receiver._app.StartAsync();
        return receiver;
    }

    public IReadOnlyList<ReceivedWebhook> Of(string eventId) => [.. Received.Where(r => r.EventId == eventId)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One post as the receiver saw it, and what it answered.</summary>
public sealed record ReceivedWebhook(string EventId, string EventType, long Timestamp, string Signature, string Body, int AnsweredWith);