namespace OrderGrid.Tests.Notifications;

/// <summary>The promotion and feedback request tests share one <see cref="NotifyingCluster"/> and run one after another.</summary>
[CollectionDefinition(NotifyingCluster.Name)]
public sealed class SharedNotifyingCluster : ICollectionFixture<NotifyingCluster>;