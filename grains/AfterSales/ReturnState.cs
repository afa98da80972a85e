namespace OrderGrid.AfterSales;

/// <summary>The persisted state of one return: its view, once opened.</summary>
[GenerateSerializer, Alias("og.return-state")]
public sealed record ReturnState
{
    [Id(0)] public ReturnView? Return { get; init; }
}