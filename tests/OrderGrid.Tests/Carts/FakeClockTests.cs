namespace OrderGrid.Tests.Carts;

/// <summary>The tests that move the fake clock share one cluster and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class FakeClockTests : ICollectionFixture<FakeClockCluster>
{
    public const string Name = "Orleans cluster on a fake clock";
}