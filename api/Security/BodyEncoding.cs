using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Security;

/// <summary>
/// The API reads UTF-8 and nothing else (JSON between systems is UTF-8, RFC 8259), so a request that declares another
/// charset, declares one twice or empty, or compresses its body answers 415 before any endpoint reads it. Deciding
/// here, on the header alone, keeps the framework's charset lookup away from encodings the runtime refuses (UTF-7
/// throws <see cref="NotSupportedException"/>, which no reader expects). UTF-8 written another legal way
/// (<c>charset="UTF-8"</c>, <c>utf8</c>) is passed on without the parameter, which the framework's reader would not take.
/// </summary>
public sealed class BodyEncoding(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (problem, readable) = Check(http.Request.Headers.ContentType, http.Request.Headers.ContentEncoding);
        if (problem is not null)
        {
            await SecurityProblems.Write(http, StatusCodes.Status415UnsupportedMediaType, "The request body's encoding is not supported.", ProblemCodes.UnsupportedMediaType, problem);
            return;
        }

        if (readable is not null)
        {
            http.Request.ContentType = readable;
        }

        await next(http);
    }

    /// <summary>
    /// Why a body with these headers cannot be read (null when it can: no charset or UTF-8, no content coding), and the
    /// Content-Type to read it with when the header's own spelling of UTF-8 must be dropped.
    /// </summary>
    public static (string? Problem, string? Readable) Check(StringValues contentType, StringValues contentEncoding)
    {
        if (contentEncoding.Any(coding => !string.IsNullOrWhiteSpace(coding) && !string.Equals(coding.Trim(), "identity", StringComparison.OrdinalIgnoreCase)))
        {
            return ("Request bodies are not decoded: send them without Content-Encoding.", null);
        }

        if (contentType.Count == 0 || string.IsNullOrWhiteSpace(contentType))
        {
            return (null, null);
        }

        if (contentType.Count > 1 || !MediaTypeHeaderValue.TryParse(contentType.ToString(), out var mediaType))
        {
            return ("The Content-Type header cannot be read; send 'Content-Type: application/json'.", null);
        }

        var charsets = mediaType.Parameters.Where(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)).ToList();
        if (charsets.Count == 0)
        {
            return (null, null);
        }

        var charset = charsets.Count == 1 ? HeaderUtilities.RemoveQuotes(charsets[0].Value).ToString().Trim() : null;
        if (charset is null || !(charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)))
        {
            return ("The body's charset is not one this API reads; send UTF-8 JSON ('Content-Type: application/json' or '…; charset=utf-8').", null);
        }

        foreach (var parameter in charsets)
        {
            mediaType.Parameters.Remove(parameter);
        }

        return (null, mediaType.ToString());
    }
}