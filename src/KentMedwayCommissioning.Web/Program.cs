using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddStructuredLogging();
builder.AddKentMedwayCommissioning();

var app = builder.Build();
app.UseKentMedwayCommissioning();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
