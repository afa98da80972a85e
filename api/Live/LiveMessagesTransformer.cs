using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrderGrid.Api.Live;

/// <summary>
/// Puts the type of every hub push (<see cref="LiveMessages.All"/>) in the OpenAPI document's schemas, though no
/// operation answers it, saying which hub sends it under which method: the document is then the whole contract
/// the dashboard's types are generated from.
/// </summary>
public sealed class LiveMessagesTransformer : IOpenApiDocumentTransformer
{
    /// <summary>Where ASP.NET Core notes a schema's component name (its <c>OpenApiConstants.SchemaId</c>).</summary>
    private const string SchemaId = "x-schema-id";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var message in LiveMessages.All)
        {
            var schema = document.Components.Schemas.TryGetValue(message.Schema, out var known) && known is OpenApiSchema existing
                ? existing
                : Referenced(await context.GetOrCreateSchemaAsync(message.Payload, cancellationToken: cancellationToken), document, top: true);
            var pushed = $"Pushed on {message.Hub} as `{message.Method}`, {message.To}.";
            if (schema.Description?.Contains(pushed, StringComparison.Ordinal) != true)
            {
                schema.Description = string.IsNullOrEmpty(schema.Description) ? pushed : $"{schema.Description} {pushed}";
            }

            document.Components.Schemas[message.Schema] = schema;
        }
    }

    /// <summary>
    /// The schema with every nested type that has a schema id (ASP.NET Core's <c>x-schema-id</c>) as a reference to
    /// that component, added when the document has none yet: a pushed order is an <c>OrderView</c>, not a copy of it.
    /// </summary>
    private static IOpenApiSchema Referenced(IOpenApiSchema schema, OpenApiDocument document, bool top)
    {
        if (schema is not OpenApiSchema inline)
        {
            return schema;
        }

        if (!top && inline.Metadata?.TryGetValue(SchemaId, out var value) == true && value is string { Length: > 0 } id)
        {
            var nullable = inline.Type is { } type && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null;
            if (document.Components!.Schemas!.TryAdd(id, inline))
            {
                inline.Type &= ~JsonSchemaType.Null;
                Nest(inline, document);
            }

            var reference = new OpenApiSchemaReference(id, document);
            return nullable ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] } : reference;
        }

        Nest(inline, document);
        return inline;
    }

    private static void Nest(OpenApiSchema schema, OpenApiDocument document)
    {
        foreach (var name in schema.Properties?.Keys.ToList() ?? [])
        {
            schema.Properties![name] = Referenced(schema.Properties[name], document, top: false);
        }

        schema.Items = schema.Items is { } items ? Referenced(items, document, top: false) : null;
        schema.AdditionalProperties = schema.AdditionalProperties is { } values ? Referenced(values, document, top: false) : null;
        foreach (var members in new[] { schema.OneOf, schema.AnyOf, schema.AllOf })
        {
            for (var i = 0; i < (members?.Count ?? 0); i++)
            {
                members![i] = Referenced(members[i], document, top: false);
            }
        }
    }
}