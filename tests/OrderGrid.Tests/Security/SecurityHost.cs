namespace OrderGrid.Tests.Security;

/// <summary>The security tests share one <see cref="SecurityApp"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityHost : ICollectionFixture<SecurityApp>
{
    public const string Name = "OrderGrid security host";
}