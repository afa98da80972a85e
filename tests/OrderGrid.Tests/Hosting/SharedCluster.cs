namespace OrderGrid.Tests.Hosting;

/// <summary>The grain tests share one cluster and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans cluster";
}