namespace OrderGrid.Tests.Notifications;

/// <summary>The notification HTTP tests share a host mailing a real local SMTP server and a host with a recording sender, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationHosts : ICollectionFixture<MailApp>, ICollectionFixture<OutboxApp>
{
    public const string Name = "OrderGrid hosts with notifications";
}