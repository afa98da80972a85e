namespace OrderGrid.Common;

/// <summary>The answer to a command: either the resulting value or a refusal (nothing changed).</summary>
[GenerateSerializer, Immutable, Alias("og.outcome`1")]
public sealed record Outcome<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] Refusal? Refusal)
    where T : class
{
    public bool Succeeded => Refusal is null;

    public static Outcome<T> Ok(T value) => new(value, null);

    public static Outcome<T> Refused(Refusal refusal) => new(null, refusal);

    public static implicit operator Outcome<T>(Refusal refusal) => Refused(refusal);

    public static implicit operator Outcome<T>(T value) => Ok(value);
}