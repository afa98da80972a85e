namespace OrderGrid.Catalog;

[GenerateSerializer, Alias("og.product-state")]
public sealed record ProductState
{
    [Id(0)] public Product? Product { get; init; }
}