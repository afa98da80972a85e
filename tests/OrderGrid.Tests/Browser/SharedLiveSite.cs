namespace OrderGrid.Tests.Browser;

/// <summary>The browser tests share one live site and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedLiveSite : ICollectionFixture<LiveSite>
{
    public const string Name = "Live site in Chromium";
}