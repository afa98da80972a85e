using System.Net.Http.Headers;
using System.Net.Http.Json;

using Microsoft.Extensions.Options;

using OrderGrid.Notifications;

namespace OrderGrid.Silo.Notifications;

/// <summary>
/// A generic SMS gateway: POSTs <c>{"to": …, "text": …}</c> as JSON to the configured URL with the API key as a bearer
/// token; any 2xx answer means sent. Providers with another shape plug in their own <see cref="ISmsGateway"/>.
/// </summary>
internal sealed class JsonSmsGateway(IHttpClientFactory clients, IOptions<NotificationOptions> options) : ISmsGateway
{
    public bool IsConfigured => options.Value.Sms.IsConfigured;

    public async Task<DeliveryResult> Send(string phone, string text, CancellationToken cancellationToken)
    {
        var sms = options.Value.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Url) { Content = JsonContent.Create(new { to = phone, text }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.ApiKey);
        try
        {
            using var client = clients.CreateClient(NotificationRegistration.SmsClientName);
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? DeliveryResult.Success : DeliveryResult.Failure($"The SMS gateway answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException failure)
        {
            return DeliveryResult.Failure(failure.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failure("The SMS gateway did not answer within the timeout.");
        }
    }
}