using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Infrastructure;
using KentMedwayCommissioning.Web.Pages.Account;
using KentMedwayCommissioning.Web.Pages.Bodies;
using KentMedwayCommissioning.Web.Pages.Decisions;
using KentMedwayCommissioning.Web.Pages.Meetings;
using KentMedwayCommissioning.Web.Pages.People;
using KentMedwayCommissioning.Web.Pages.Proposals;
using KentMedwayCommissioning.Web.Pages.Registers;

// The composition root: Infrastructure and Data know nothing of Pages/, so the slices' services and endpoints are
// wired here.
var builder = WebApplication.CreateBuilder(args);
builder.AddStructuredLogging();
builder.AddKentMedwayCommissioning();
builder.Services.AddRegisterCache();
builder.Services.AddMeetingPapers(builder.Configuration);

var app = builder.Build();
if (args is [CreateAdministrator.CommandName, .. var arguments])
{
    return await CreateAdministrator.RunFromCommandLineAsync(app, arguments);
}

if (args is [RegisterSigner.GenerateCommandName, .. var names])
{
    return RegisterSigner.GenerateFromCommandLine(app, names);
}

// A signing key that is set but unusable stops the app here, not at the first checkpoint.
app.Services.GetRequiredService<RegisterSigner>();

app.UseKentMedwayCommissioning();
app.MapBodiesApi();
app.MapDecisionsOpenData();
app.MapTransparencyLog();
app.MapRegisterBaseline();
app.MapMeetingsCalendar();
app.MapMeetingPapers();
app.MapProposalsApi();
app.MapPeopleApi();
app.MapRegistersOpenData();
await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
