using OrderGrid.Api.Problems;

namespace OrderGrid.Api.Security;

/// <summary>Problems the security middleware answers before any endpoint runs.</summary>
public static class SecurityProblems
{
    public static async Task Write(HttpContext http, int status, string title, string code, string detail)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new()
            {
                Status = status,
                Title = title,
                Type = ProblemTypes.For(code),
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }
}