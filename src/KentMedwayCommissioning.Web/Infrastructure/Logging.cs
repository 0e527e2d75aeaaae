using System.Security.Claims;
using Serilog;
using Serilog.Formatting.Compact;

namespace KentMedwayCommissioning.Web.Infrastructure;

public static class Logging
{
    /// <summary>Structured logs: readable lines in Development, one JSON object per event elsewhere; levels from configuration.</summary>
    public static void AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "KentMedwayCommissioning");
            if (builder.Environment.IsDevelopment())
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
    }

    public static void UseStructuredRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.EnrichDiagnosticContext = (context, http) =>
            {
                // The account id, not the email address: logs should not collect personal data.
                context.Set("UserId", http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "(anonymous)");
                context.Set("Endpoint", http.GetEndpoint()?.DisplayName ?? "(none)");
            };
        });
}
