using Npgsql;

using OrderGrid.Api.Problems;

using Orleans.Storage;

namespace OrderGrid.Tests.Faults;

/// <summary>Which failures answer 503 (storage or cluster out of reach) and which stay a 500 (a bug to see).</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class UnavailabilityTests
{
    public static TheoryData<string, Exception> Unavailable => new()
    {
        { "database refusing connections", new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)) },
        { "database shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "too many connections", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300") },
        { "storage error wrapping it", new OrleansException("Error from storage provider", new NpgsqlException("Failed to connect")) },
        { "stale write after a takeover", new InconsistentStateException("Version conflict") },
        { "silo gone", new SiloUnavailableException() },
        { "grain call timed out", new TimeoutException() },
    };

    public static TheoryData<string, Exception> Bugs => new()
    {
        { "constraint violated", new PostgresException("duplicate key value", "ERROR", "ERROR", "23505") },
        { "syntax error", new OrleansException("Error from storage provider", new PostgresException("syntax error", "ERROR", "ERROR", "42601")) },
        { "invalid operation", new InvalidOperationException("Sequence contains no elements") },
        { "bad argument", new ArgumentException("Unknown warehouse") },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void Storage_or_cluster_out_of_reach_is_unavailability(string why, Exception failure) =>
        Assert.True(UnavailableExceptionHandler.IsUnavailability(failure), why);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void A_bug_is_not_unavailability(string why, Exception failure) =>
        Assert.False(UnavailableExceptionHandler.IsUnavailability(failure), why);
}