using System.Collections.Concurrent;

using OrderGrid.Notifications;

namespace OrderGrid.Tests.Notifications;

/// <summary>An SMTP server stand-in: records every attempt with its time, and fails the first attempts to the addresses it is told to.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new(StringComparer.Ordinal);

    public ConcurrentQueue<(Notification Email, DateTimeOffset At, bool Sent)> Attempts { get; } = new();

    public bool IsConfigured => true;

    public void FailFirst(string address, int attempts) => _failuresLeft[address] = attempts;

    public IReadOnlyList<(Notification Email, DateTimeOffset At, bool Sent)> To(string address) =>
        [.. Attempts.Where(a => string.Equals(a.Email.To, address, StringComparison.Ordinal))];

    public Task<DeliveryResult> Send(Notification email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var fails = _failuresLeft.TryGetValue(email.To, out var left) && left > 0;
        if (fails)
        {
            _failuresLeft[email.To] = left - 1;
        }

        Attempts.Enqueue((email, DateTimeOffset.UtcNow, !fails));
        return Task.FromResult(fails ? DeliveryResult.Failure("421 Service not available") : DeliveryResult.Success);
    }
}