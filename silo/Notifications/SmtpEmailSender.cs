using MailKit.Net.Smtp;
using MailKit.Security;

using Microsoft.Extensions.Options;

using MimeKit;

using OrderGrid.Notifications;

namespace OrderGrid.Silo.Notifications;

/// <summary>Sends an email over SMTP with MailKit, as plain text with an HTML alternative; any failure becomes a <see cref="DeliveryResult"/>.</summary>
internal sealed class SmtpEmailSender(IOptions<NotificationOptions> options) : IEmailSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private SmtpSettings Smtp => options.Value.Smtp;

    public bool IsConfigured => Smtp.IsConfigured;

    public async Task<DeliveryResult> Send(Notification email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (Smtp is not { Host: { } host, From: { } from })
        {
            return DeliveryResult.Failure(NotificationOutboxGrain.NoEmailChannel);
        }

        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        // The notification id as Message-Id: a mail sent again after a crash between sending and recording is a duplicate a mail system can spot.
        message.MessageId = $"{email.Id.Replace(':', '.')}@ordergrid";
        message.Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody();
        try
        {
            using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
            var security = !Smtp.UseTls ? SecureSocketOptions.None : Smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(host, Smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(Smtp.User))
            {
                await client.AuthenticateAsync(Smtp.User, Smtp.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.Success;
        }
        catch (Exception failure) when (failure is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            return DeliveryResult.Failure(failure.Message);
        }
    }
}