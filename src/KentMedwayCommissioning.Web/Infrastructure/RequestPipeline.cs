using KentMedwayCommissioning.Web.Domain;
using Microsoft.Extensions.FileProviders;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KentMedwayCommissioning.Web.Infrastructure;

public static class RequestPipeline
{
    public const string OutputCacheSwitch = "OutputCache:Enabled";

    public static void UseKentMedwayCommissioning(this WebApplication app)
    {
        // Outermost, so the log records the status the visitor finally got, not the exception on the way.
        app.UseStructuredRequestLogging();
        app.UseSecurityHeaders();
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });

        // Status code pages outside the exception handler, so a 403 or 404 it sets without a body still gets the error page.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseExceptionHandler("/error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        // NHS.UK frontend's stylesheet asks for its icons at /assets/images/..., so serve its assets there too.
        if (app.Environment.WebRootPath is { } webRoot && Path.Combine(webRoot, "lib", "nhsuk-frontend", "assets") is var nhsukAssets && Directory.Exists(nhsukAssets))
        {
            app.UseStaticFiles(new StaticFileOptions { RequestPath = "/assets", FileProvider = new PhysicalFileProvider(nhsukAssets) });
        }
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseTwoFactorEnrolment();
        app.UseAuthorization();
        // After authentication, so a signed-in visitor's pages are never cached or served from the cache. The benchmark
        // switches it off (OutputCache__Enabled=false) to measure what every page costs when nothing is cached.
        if (app.Configuration.GetValue(OutputCacheSwitch, true))
        {
            app.UseOutputCache();
        }

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            // The overall status first, then each check's on a line of its own (its description, never an exception's text),
            // so an operator sees which part is down and whether public reads use the replica.
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync(string.Join('\n', report.Entries.Select(entry => $"{entry.Key}: {entry.Value.Status}, {entry.Value.Description}").Prepend(report.Status.ToString())) + "\n");
            },
        }).AllowAnonymous();

        app.MapRazorPages();

        // An address nothing answers is a 404 for everyone, not a sign-in prompt from the fallback policy.
        app.MapFallback("{*path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).AllowAnonymous();
        // The same under /api/ (a sequence that is not a number, say), answered as the API answers every error: a problem document.
        app.MapFallback("/api/{*path}", IResult () => throw new NotFoundException("The API has nothing at this address."))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
    }
}
