namespace OrderGrid.Tests.Demo;

/// <summary>The simulator's grain tests share one cluster (and its one simulator) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedDemoCluster : ICollectionFixture<DemoCluster>
{
    public const string Name = "Demo traffic cluster";
}