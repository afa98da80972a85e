namespace OrderGrid.Tests;

/// <summary>
/// The test lanes (docs/testing.md): every test class carries <c>[Trait(Lane.Name, Lane.…)]</c>, checked by
/// <see cref="LaneTests"/>. <c>dotnet test</c> runs them all; <c>--filter Lane=Fast</c> runs one.
/// </summary>
public static class Lane
{
    public const string Name = "Lane";

    /// <summary>Pure code: the domain's decisions, ledgers, rules, formats and measures; no host, no fixture, no model training.</summary>
    public const string Fast = "Fast";

    /// <summary>Pure code that trains ML.NET models on the sample data (forecast, recommendations, segments, the backtest command): minutes, not seconds.</summary>
    public const string Models = "Models";

    /// <summary>In-process hosts on memory storage: Orleans TestingHost clusters, the HTTP app, hubs.</summary>
    public const string Integration = "Integration";

    /// <summary>Real PostgreSQL, Chromium, killed processes, faults, fuzzing, load, several nodes.</summary>
    public const string System = "System";

    public static IReadOnlyList<string> All { get; } = [Fast, Models, Integration, System];
}