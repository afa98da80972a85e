using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

using OrderGrid.Api.Auth;

namespace OrderGrid.Tests.Security;

/// <summary>One method of one route and who may call it, as the endpoint declares (<see cref="Access.Of"/>).</summary>
public sealed record AccessRow(string Method, RouteEndpoint Endpoint, Callers? Callers)
{
    public string Route => Endpoint.RoutePattern.RawText!;
}

/// <summary>The role × route table of the running app, and its Markdown form in <c>docs/access.md</c>.</summary>
public static class AccessTable
{
    public const string DocumentPath = "docs/access.md";

    public static readonly (Callers Caller, string Name)[] Columns =
    [
        (Callers.Anonymous, "anonymous"), (Callers.Customer, "customer (token)"), (Callers.SignedIn, "customer (signed in)"), (Callers.Ops, "ops"), (Callers.Planner, "planner"), (Callers.Admin, "admin"),
    ];

    public static IReadOnlyList<AccessRow> Of(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
                .Where(m => m is not ("OPTIONS" or "HEAD"))
                .Select(m => new AccessRow(m, e, Access.Of(e))))
            .DistinctBy(r => $"{r.Method} {r.Route}")
            .OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal),
    ];

    public static string Markdown(IReadOnlyList<AccessRow> rows)
    {
        var text = new StringBuilder()
            .AppendLine("# Who may call what")
            .AppendLine()
            .AppendLine("Generated from the app's own endpoints (`api/Auth/Access.cs` reads each endpoint's authorization policy or")
            .AppendLine("its `OpenTo` declaration) by `tests/OrderGrid.Tests/Security/RoleMatrixTests.cs`, which fails when this file")
            .AppendLine("differs (run it with `ORDERGRID_WRITE_ACCESS_TABLE=1` to rewrite it) and calls every route below as every")
            .AppendLine("caller to check the answers: ✓ gets past the access check, – is refused (401/403, or the 404 of an order")
            .AppendLine("whose token was not given). \"customer (token)\" is a caller without a key who sends the order's tracking token")
            .AppendLine("(`?token=`); \"customer (signed in)\" sends the order's customer's token from `POST /api/customers/sign-in/token`")
            .AppendLine("(`Authorization: Bearer`). A ✓ on a cart route means the cart id (a capability) is checked by the handler, and a")
            .AppendLine("customer's cart also needs that customer's token. `POST /api/orders` takes web and app orders from anyone; phone,")
            .AppendLine("email and store orders need ops.")
            .AppendLine()
            .Append("| method | route | ").AppendJoin(" | ", Columns.Select(c => c.Name)).AppendLine(" |")
            .Append("|---|---|").AppendJoin("", Columns.Select(_ => "---|")).AppendLine();
        foreach (var row in rows)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {row.Method} | `{row.Route}` | ")
                .AppendJoin(" | ", Columns.Select(c => row.Callers is { } callers && callers.HasFlag(c.Caller) ? "✓" : "–"))
                .AppendLine(" |");
        }

        return text.ToString();
    }
}