using System.Text.Json.Nodes;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

using OrderGrid.Orders;

namespace OrderGrid.Api.Webhooks;

/// <summary>
/// Puts the catalogue of event kinds (<see cref="EventKinds"/>) in the OpenAPI document as the string enum
/// <c>EventKind</c>: the timeline entries' <c>kind</c> and the webhook events' <c>type</c>. The dashboard's copy
/// (<c>dashboard/src/shared/event-kinds.ts</c>) is checked against it.
/// </summary>
public sealed class EventKindsTransformer : IOpenApiDocumentTransformer
{
    public const string SchemaName = "EventKind";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "What happened to an order: the kind of a timeline entry and the type of a webhook event. "
                + "The list is the webhook contract (docs/api.md, Event kinds).",
            Enum = [.. EventKinds.All.Select(k => (JsonNode)JsonValue.Create(k.Name))],
        };
        return Task.CompletedTask;
    }
}