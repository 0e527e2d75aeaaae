using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace KentMedwayCommissioning.IntegrationTests.Decisions;

/// <summary>
/// The app's own OpenAPI document (3.1, whose schemas are JSON Schema 2020-12), used to validate real responses with
/// JsonSchema.Net: the schema an operation declares for a status and media type, with the document's component schemas
/// beside it as <c>$defs</c> so its references resolve.
/// </summary>
public sealed class OpenApiContract(JsonObject document)
{
    public JsonObject Document { get; } = document;

    public static async Task<OpenApiContract> LoadAsync(HttpClient client) =>
        new(JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject());

    /// <summary>The operation's declared schema for the answer, or an exception when it declares none.</summary>
    public JsonObject Schema(string pathTemplate, int status, string mediaType)
    {
        var operation = Document["paths"]?[pathTemplate]?["get"] ?? throw new InvalidOperationException($"The document has no GET {pathTemplate}.");
        var response = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            ?? throw new InvalidOperationException($"GET {pathTemplate} declares no {status} response.");
        return response["content"]?[mediaType]?["schema"]?.AsObject()
            ?? throw new InvalidOperationException($"GET {pathTemplate} declares no {mediaType} body for {status}.");
    }

    /// <summary>What is wrong with <paramref name="body"/> against the declared schema; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems(string pathTemplate, int status, string mediaType, JsonElement body)
    {
        var root = Schema(pathTemplate, status, mediaType).DeepClone().AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = Document["components"]?["schemas"]?.DeepClone() ?? new JsonObject();
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schema = JsonSchema.FromText(text, options, new Uri($"https://kmc.test/openapi/{Guid.NewGuid():N}"));
        var results = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }).SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.EvaluationPath}): {error.Value}"))];
    }
}
