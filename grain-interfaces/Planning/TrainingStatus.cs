namespace OrderGrid.Planning;

/// <summary>Where training stands: the version serving now (null before the first), and a run in progress or its failure.</summary>
[GenerateSerializer, Immutable, Alias("og.training-status")]
public sealed record TrainingStatus(
    [property: Id(0)] ModelVersionInfo? Current,
    [property: Id(1)] bool Running,
    [property: Id(2)] DateTimeOffset? StartedAt,
    [property: Id(3)] string? LastError);