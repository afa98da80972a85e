namespace OrderGrid.Tests.Hosting;

/// <summary>The HTTP tests share one running OrderGrid host and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedHost : ICollectionFixture<OrderGridApp>
{
    public const string Name = "OrderGrid host";
}