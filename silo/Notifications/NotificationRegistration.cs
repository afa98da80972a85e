using Microsoft.Extensions.DependencyInjection.Extensions;

using OrderGrid.Notifications;
using OrderGrid.Orders;
using OrderGrid.Silo.Hosting;

namespace OrderGrid.Silo.Notifications;

/// <summary>Registers customer and staff notifications with the host.</summary>
public static class NotificationRegistration
{
    public const string SmsClientName = "sms-gateway";

    /// <summary>Notification settings, the SMTP and SMS channels (kept when a test put its own first), and the fan-out as a consumer of the order change feed.</summary>
    public static IServiceCollection AddOrderGridNotifications(this IServiceCollection services)
    {
        services.AddSettings<NotificationOptions>(NotificationOptions.Section);
        services.AddHttpClient(SmsClientName).ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(15));
        services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        services.TryAddSingleton<ISmsGateway, JsonSmsGateway>();
        services.AddSingleton<IOrderChangeConsumer, NotificationFanOut>();
        return services;
    }
}