using Microsoft.AspNetCore.Hosting;

namespace OrderGrid.Tests.Notifications;

/// <summary>A <see cref="NotificationApp"/> that sends email over SMTP (plain, no sign-in) to a real local <see cref="Maildev"/>.</summary>
public sealed class MailApp : NotificationApp
{
    public Maildev Mail { get; private set; } = null!;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }

    protected override async Task Prepare() => Mail = await Maildev.Start();

    protected override void Configure(IWebHostBuilder builder) => builder
        .UseSetting("OrderGrid:Notifications:Smtp:Host", "127.0.0.1")
        .UseSetting("OrderGrid:Notifications:Smtp:Port", Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("OrderGrid:Notifications:Smtp:From", "orders@shop.example.test")
        .UseSetting("OrderGrid:Notifications:Smtp:UseTls", "false");
}