using System.Text;

namespace OrderGrid.Tests.Fuzz;

/// <summary>One generated request, kept as data so a failure can print it whole and it can be sent once per caller.</summary>
/// <param name="WithKeys">False for a bare command (no route value, no body): its only invalid form is without a key.</param>
public sealed record HostileRequest(FuzzTarget Target, string Method, string Path, string? Body, string? ContentType, string? IdempotencyKey, bool WithKeys)
{
    public HttpRequestMessage ToMessage(string? apiKey)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (apiKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", $"Bearer {apiKey}");
        }

        if (IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        return message;
    }

    public string Describe(string? apiKey)
    {
        var body = Body is null ? "(none)" : Body.Length > 2_000 ? $"{Body[..2_000]}… ({Body.Length} characters)" : Body;
        var path = Path.Length > 2_000 ? $"{Path[..2_000]}… ({Path.Length} characters)" : Path;
        return $"{Method} {path}{Environment.NewLine}  endpoint: {Target}{Environment.NewLine}  key: {apiKey ?? "(none)"}; "
            + $"Content-Type: {ContentType ?? "(none)"}; Idempotency-Key: {IdempotencyKey ?? "(none)"}{Environment.NewLine}  body: {body}";
    }
}