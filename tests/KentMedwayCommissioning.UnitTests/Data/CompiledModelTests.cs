using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Data.CompiledModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace KentMedwayCommissioning.UnitTests.Data;

/// <summary>
/// The app runs on the compiled model in Data/CompiledModel, not on one built from the configuration at start. These
/// tests fail when a change to the entities or their configuration has not been compiled into it.
/// </summary>
public sealed partial class CompiledModelTests
{
    private const string Regenerate =
        "Data/CompiledModel is out of date: run `dotnet ef dbcontext optimize -p src/KentMedwayCommissioning.Web " +
        "-o Data/CompiledModel -n KentMedwayCommissioning.Web.Data.CompiledModel` (README, \"Changing the model\").";

    private static readonly string CompiledModelFolder =
        Path.Combine(Repository.Root, "src", "KentMedwayCommissioning.Web", "Data", "CompiledModel");

    [Fact]
    public void The_app_runs_on_the_compiled_model()
    {
        using var context = NewContext();

        Assert.IsType<AppDbContextModel>(context.Model);
    }

    [Fact]
    public void The_compiled_model_is_the_code_the_configuration_generates_now()
    {
        using var context = NewContext();
        var generated = Generate(context).ToDictionary(file => file.Path, file => WithoutModelId(file.Code));
        var checkedIn = Directory.EnumerateFiles(CompiledModelFolder, "*.cs")
            .ToDictionary(file => Path.GetFileName(file), file => WithoutModelId(File.ReadAllText(file)));

        Assert.True(generated.Keys.Order().SequenceEqual(checkedIn.Keys.Order()), Regenerate);
        var stale = generated.Where(file => file.Value != checkedIn[file.Key]).Select(file => file.Key).ToList();
        Assert.True(stale.Count == 0, $"{Regenerate} Differs: {string.Join(", ", stale)}");
    }

    /// <summary>The generator gives every model it writes a new random id; the rest of its code is deterministic.</summary>
    [GeneratedRegex(@"modelId: new Guid\(""[0-9a-f-]+""\)")]
    private static partial Regex ModelId();

    private static string WithoutModelId(string code) => ModelId().Replace(code, "modelId");

    private static AppDbContext NewContext() =>
        new((DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), "Host=localhost").Options);

    // What `dotnet ef dbcontext optimize` does, written to memory: the model built from the configuration (the
    // design-time model, which migrations also use), through the provider's code generator.
    private static IReadOnlyCollection<ScaffoldedFile> Generate(AppDbContext context)
    {
        var services = new ServiceCollection();
        ProviderDesignTimeServices().ConfigureDesignTimeServices(services);
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(context);
        using var provider = services.BuildServiceProvider();
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = typeof(AppDbContext),
            ModelNamespace = typeof(AppDbContextModel).Namespace!,
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        IModel model = context.GetService<IDesignTimeModel>().Model;
        return provider.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options).GenerateModel(model, options);
    }

    // Found as the tools find them, through the provider assembly's attribute: the class itself is internal to Npgsql.
    private static IDesignTimeServices ProviderDesignTimeServices()
    {
        var provider = typeof(NpgsqlDbContextOptionsBuilder).Assembly;
        var named = provider.GetCustomAttribute<DesignTimeProviderServicesAttribute>()!.TypeName;
        return (IDesignTimeServices)Activator.CreateInstance(provider.GetType(named, throwOnError: true)!)!;
    }
}
