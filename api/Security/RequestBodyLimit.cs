using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Security;

/// <summary>
/// Holds every request body to <see cref="RequestLimitOptions.MaxBodyBytes"/>: a declared length above it answers 413
/// at once; a body without a declared length is cut off while it is read, by Kestrel where the server enforces the
/// limit and by a counting stream where it does not (the in-memory test server), so the limit holds on both.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<RequestLimitOptions> options)
{
    private readonly long maxBytes = options.Value.MaxBodyBytes;

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > maxBytes)
        {
            await SecurityProblems.Write(http, StatusCodes.Status413PayloadTooLarge, "The request is too large.", ProblemCodes.TooLarge, TooLargeDetail(maxBytes));
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = maxBytes;
        }
        else if (http.Request.ContentLength is null)
        {
            http.Request.Body = new LimitedRequestBodyStream(http.Request.Body, maxBytes);
        }

        await next(http);
    }

    public static string TooLargeDetail(long maxBytes) => $"The request body is larger than {maxBytes:N0} bytes, the most this API accepts.";
}