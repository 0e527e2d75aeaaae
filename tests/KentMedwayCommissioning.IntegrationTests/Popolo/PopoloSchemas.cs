using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace KentMedwayCommissioning.IntegrationTests.Popolo;

/// <summary>
/// The Popolo schemas vendored beside this file, loaded for JsonSchema.Net. They are draft-03, which no maintained .NET
/// validator reads, so each is translated as it loads, keyword for keyword and nothing else: a property's
/// <c>"required": true</c> becomes its name in the object's <c>required</c> list, and the root's <c>id</c> becomes
/// <c>$id</c> (draft-04 and later). Every other keyword they use (type, properties, items, pattern, format, $ref) means
/// the same in draft 2020-12.
/// </summary>
public static class PopoloSchemas
{
    private const string Base = "http://www.popoloproject.com/schemas/";

    private static readonly Lazy<BuildOptions> Options = new(Load);

    /// <summary>The problems in <paramref name="instance"/> against Popolo's <paramref name="name"/> schema (person, vote_event, …), with formats checked.</summary>
    public static IReadOnlyList<string> Problems(string name, JsonElement instance)
    {
        var schema = Options.Value.SchemaRegistry.Get(new Uri($"{Base}{name}.json")) as JsonSchema
            ?? throw new InvalidOperationException($"There is no Popolo schema {name}.");
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }).SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation} ({detail.SchemaLocation}): {error.Value}"))];
    }

    private static BuildOptions Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var folder = Path.Combine(AppContext.BaseDirectory, "Popolo", "schemas");
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            var draft03 = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var schema = JsonSchema.FromText(Translate(draft03).ToJsonString(), options, new Uri(Base + Path.GetFileName(file)));
            options.SchemaRegistry.Register(schema);
        }

        return options;
    }

    private static JsonObject Translate(JsonObject draft03)
    {
        draft03["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        if (draft03.Remove("id", out var id))
        {
            draft03["$id"] = id;
        }

        Required(draft03);
        return draft03;
    }

    private static void Required(JsonObject schema)
    {
        if (schema["properties"] is JsonObject properties)
        {
            var required = new JsonArray();
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject propertySchema)
                {
                    if (propertySchema.Remove("required", out var flag) && flag?.GetValue<bool>() == true)
                    {
                        required.Add(name);
                    }

                    Required(propertySchema);
                }
            }

            if (required.Count > 0)
            {
                schema["required"] = required;
            }
        }

        if (schema["items"] is JsonObject items)
        {
            Required(items);
        }
    }
}
