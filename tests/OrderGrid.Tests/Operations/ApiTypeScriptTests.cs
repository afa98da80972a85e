using System.Text.Json.Nodes;

namespace OrderGrid.Tests.Operations;

/// <summary>How <see cref="ApiTypeScript"/> writes OpenAPI 3.1 schemas as TypeScript.</summary>
[Trait(Lane.Name, Lane.Fast)]
public sealed class ApiTypeScriptTests
{
    [Fact]
    public void An_object_becomes_an_interface_with_its_description_and_its_properties_in_order()
    {
        var text = Generate("""
            "Order": { "type": "object", "description": "An order.", "required": ["id", "lines"], "properties": {
              "id": { "type": "string" },
              "count": { "type": ["integer", "string"], "pattern": "^-?\\d+$", "format": "int32" },
              "total": { "type": ["number", "string"], "format": "double", "description": "Sum of the lines." },
              "paid": { "type": "boolean" } } }
            """);

        Assert.Contains("/** An order. */\nexport interface Order {\n  id: string;\n  count: number;\n  /** Sum of the lines. */\n  total: number;\n  paid: boolean;\n}\n", text);
    }

    [Fact]
    public void A_string_enum_becomes_a_const_list_and_the_union_of_its_names()
    {
        var text = Generate("""
            "OrderStatus": { "enum": ["Placed", "Cancelled"] },
            "OrderPriority": { "enum": ["Normal", "Vip"] }
            """);

        Assert.Contains("export const orderStatuses = [\"Placed\", \"Cancelled\"] as const;\nexport type OrderStatus = (typeof orderStatuses)[number];\n", text);
        Assert.Contains("export const orderPriorities = [\"Normal\", \"Vip\"] as const;", text);
    }

    [Fact]
    public void References_arrays_dictionaries_and_nullable_values_map_to_their_TypeScript_forms()
    {
        var text = Generate("""
            "Line": { "type": "object", "properties": { "sku": { "type": "string" } } },
            "Status": { "enum": ["A", "B"] },
            "View": { "type": "object", "properties": {
              "lines": { "type": "array", "items": { "$ref": "#/components/schemas/Line" } },
              "byStatus": { "type": "object", "additionalProperties": { "type": ["integer", "string"] } },
              "shipTo": { "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/Line", "description": "Null for a pickup." }] },
              "email": { "type": ["null", "string"] },
              "day": { "type": ["null", "string"], "format": "date" },
              "maybe": { "type": "array", "items": { "type": ["null", "string"] } },
              "nested": { "type": "object", "properties": { "at": { "type": "string" } } },
              "any": { } } }
            """);

        Assert.Contains("  lines: Line[];\n", text);
        Assert.Contains("  byStatus: Record<string, number>;\n", text);
        Assert.Contains("  /** Null for a pickup. */\n  shipTo: Line | null;\n", text);
        Assert.Contains("  email: string | null;\n", text);
        Assert.Contains("  day: string | null;\n", text);
        Assert.Contains("  maybe: (string | null)[];\n", text);
        Assert.Contains("  nested: {\n    at: string;\n  };\n", text);
        Assert.Contains("  any: unknown;\n", text);
    }

    [Fact]
    public void Only_a_property_of_a_schema_that_requests_alone_use_may_be_left_out()
    {
        var document = Document(
            """
            "Request": { "type": "object", "required": ["sku"], "properties": { "sku": { "type": "string" }, "note": { "type": ["null", "string"] } } },
            "Answer": { "type": "object", "properties": { "note": { "type": ["null", "string"] } } },
            "Pushed": { "type": "object", "properties": { "note": { "type": "string" } } }
            """,
            paths: """
            "/api/things": { "post": {
              "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Request" } } } },
              "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Answer" } } } } } } }
            """);

        var text = ApiTypeScript.Generate(document, new Dictionary<string, string>());

        Assert.Contains("export interface Request {\n  sku: string;\n  note?: string | null;\n}", text);
        Assert.Contains("export interface Answer {\n  note: string | null;\n}", text);
        Assert.Contains("export interface Pushed {\n  note: string;\n}", text);
    }

    [Fact]
    public void A_schema_another_file_has_is_imported_where_used_and_not_written_again()
    {
        var text = ApiTypeScript.Generate(
            Document("""
                "EventKind": { "type": "string", "enum": ["order.placed"] },
                "Entry": { "type": "object", "properties": { "kind": { "$ref": "#/components/schemas/EventKind" } } }
                """),
            new Dictionary<string, string> { ["EventKind"] = "./event-kinds" });

        Assert.Contains("import type { EventKind } from \"./event-kinds\";\n", text);
        Assert.Contains("  kind: EventKind;\n", text);
        Assert.DoesNotContain("export type EventKind", text);
        Assert.StartsWith("// Generated from the API's OpenAPI document", text);
    }

    [Fact]
    public void A_reference_to_a_schema_the_document_lacks_is_an_error()
    {
        var document = Document("""
            "Entry": { "type": "object", "properties": { "line": { "$ref": "#/components/schemas/Missing" } } }
            """);

        Assert.Throws<InvalidOperationException>(() => ApiTypeScript.Generate(document));
    }

    private static string Generate(string schemas) => ApiTypeScript.Generate(Document(schemas), new Dictionary<string, string>());

    private static JsonObject Document(string schemas, string paths = "") =>
        JsonNode.Parse($$"""{ "openapi": "3.1.1", "paths": { {{paths}} }, "components": { "schemas": { {{schemas}} } } }""")!.AsObject();
}