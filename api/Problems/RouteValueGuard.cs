namespace OrderGrid.Api.Problems;

/// <summary>
/// A route value that is blank or longer than <see cref="MaxLength"/> characters names nothing: 404 before any grain
/// is asked (Orleans refuses a blank grain key with an exception, which would otherwise answer 500).
/// </summary>
public sealed class RouteValueGuard : IEndpointFilter
{
    public const int MaxLength = 200;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
        {
            if (value is string text && (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength))
            {
                return ApiProblems.NotFound(ProblemCodes.NotFound, $"No {name} is blank or longer than {MaxLength} characters.");
            }
        }

        return await next(context);
    }
}