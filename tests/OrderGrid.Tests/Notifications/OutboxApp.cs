using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Notifications;

namespace OrderGrid.Tests.Notifications;

/// <summary>A <see cref="NotificationApp"/> whose email goes to a <see cref="RecordingEmailSender"/> that can be told to fail.</summary>
public sealed class OutboxApp : NotificationApp
{
    public RecordingEmailSender Sender { get; } = new();

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IEmailSender>(Sender));
}